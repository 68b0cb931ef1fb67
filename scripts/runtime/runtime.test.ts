/**
 * The generated routes + runtime over real HTTP: the fixture app (scripts/routes/testdata/runtime-api) is built
 * with `build()` and served by the local host (scripts/host) under the real @azure/functions library.
 */
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { build } from '../build/build';
import { copyFixtureProject, REPO_ROOT } from '../testing/fixture-project';
import { loadConfig } from '../config';
import { RecordingIoHost } from '../core/io';
import { startHost } from '../host';
import type { HostHandle } from '../host';
import { HTTP_CODES } from './http-codes';
import { RUNTIME_CODES } from './codes';

let dir: string;
let host: HostHandle;
const io = new RecordingIoHost();

beforeAll(async () => {
  dir = copyFixtureProject(path.join(__dirname, '../routes/testdata/runtime-api'), 'ck-runtime-');
  await build(loadConfig({ cwd: dir, env: {} }), new RecordingIoHost(), { minify: false });
  host = await startHost({ appDir: path.join(dir, 'dist/app'), port: 0, io });
}, 120000);

afterAll(async () => {
  await host?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, route: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}) {
  const r = await fetch(`${host.url}/api/${route}`, { method, body: init.body, headers: init.headers });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, json: text ? JSON.parse(text) : undefined };
}
const post = (route: string, body: unknown) => call('POST', route, { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
/** Messages in target order, so a test reads them against the sorted targets. */
const messages = (json: { error: { details: Array<{ target: string; message: string }> } }) => [...json.error.details].sort((a, b) => a.target.localeCompare(b.target)).map((d) => d.message);
const targets = (json: { error: { details: Array<{ target: string; code: string }> } }) => json.error.details.map((d) => `${d.target} ${d.code}`).sort();

describe('generated routes on the local host', () => {
  it('registers one function per operation, named by operationId, routes without the prefix', () => {
    expect(host.functions.map((f) => `${f.name} ${f.methods.join(',')} ${f.route} ${f.authLevel}`).sort()).toEqual([
      'Both GET secure/both anonymous',
      'CreateItem POST items anonymous',
      'DeleteItem DELETE items/{id} anonymous',
      'Either GET secure/either anonymous',
      'FailCrash GET items/fail/crash anonymous',
      'FailHttp GET items/fail/http anonymous',
      'GetItem GET items/{id} anonymous',
      'GoneItem GET items/{id}/gone anonymous',
      'Logo GET media/logo anonymous',
      'Report GET media/report.csv anonymous',
      'Search GET items/search/run anonymous',
      'Upload POST items/upload anonymous',
    ]);
  });

  it('coerces path, query (repeated and comma-joined arrays), header and date values', async () => {
    const r = await call('GET', 'items/7?expand=true&tags=1&tags=2&since=2024-01-02T03:04:05Z', { headers: { 'x-limit': '5' } });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ id: 7, expand: true, tags: [1, 2], limit: 5, since: '2024-01-02T03:04:05.000Z' });
    const joined = await call('GET', 'items/8?tags=3,4');
    expect(joined.json.tags).toEqual([3, 4]);
  });

  it('date-times are real calendar values in RFC 3339 form', async () => {
    for (const bad of ['2024-02-30T03:04:05Z', '2023-02-29T00:00:00Z', '2024-01-02T24:00:00Z', '2024-01-02T03:60:00Z', '2024-01-02', '2024-01-02T03:04:05Z\n', '2024-W01', '0000-00-00T00:00:00Z']) {
      const r = await call('GET', `items/7?since=${encodeURIComponent(bad)}`);
      expect([bad, r.status, targets(r.json)]).toEqual([bad, 400, ['query.since CK_HTTP_FIELD_INVALID']]);
    }
    for (const ok of ['2024-02-29T23:59:59Z', '2024-01-02T03:04:05.123+01:00', '2024-01-02T03:04:05-08:00']) {
      expect([ok, (await call('GET', `items/7?since=${encodeURIComponent(ok)}`)).status]).toEqual([ok, 200]);
    }
  });

  it('answers 400 with one detail per invalid query/path/header field', async () => {
    const r = await call('GET', 'items/abc?expand=maybe&tags=1,x', { headers: { 'x-limit': 'z' } });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe(HTTP_CODES.VALIDATION_FAILED);
    expect(targets(r.json)).toEqual(['header.x-limit CK_HTTP_FIELD_INVALID', 'path.id CK_HTTP_FIELD_INVALID', 'query.expand CK_HTTP_FIELD_INVALID', 'query.tags[1] CK_HTTP_FIELD_INVALID']);
    expect(messages(r.json)).toEqual(['x-limit must be a number', 'id must be a number', 'expand must be true or false', 'tags[1] must be a number']);
  });

  it('validates the JSON body: wrong types, missing required, unexpected properties — one detail each', async () => {
    const r = await post('items', { name: '', quantity: 'x', bogus: 1, other: 2, tags: [{}], address: { street: 's' } });
    expect(r.status).toBe(400);
    expect(targets(r.json)).toEqual([
      'body.address.city CK_HTTP_FIELD_REQUIRED',
      'body.bogus CK_HTTP_FIELD_UNEXPECTED',
      'body.email CK_HTTP_FIELD_REQUIRED',
      'body.name CK_HTTP_FIELD_INVALID',
      'body.other CK_HTTP_FIELD_UNEXPECTED',
      'body.quantity CK_HTTP_FIELD_INVALID',
      'body.tags[0] CK_HTTP_FIELD_INVALID',
    ]);
    expect(r.json.error.message).toMatch(/7 fields/);
    expect(messages(r.json)).toEqual([
      'city is required',
      'bogus is not a declared property and is not allowed',
      'email is required',
      'name must not be empty',
      'other is not a declared property and is not allowed',
      'quantity must be an integer',
      'tags[0] must be a string',
    ]);
  });

  it('answers 400 (never 500) to malformed JSON and a missing body', async () => {
    const bad = await post('items', '{"name": ');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe(HTTP_CODES.MALFORMED_JSON);
    const empty = await call('POST', 'items');
    expect(empty.status).toBe(400);
    expect(targets(empty.json)).toEqual(['body CK_HTTP_FIELD_REQUIRED']);
  });

  it('a body in a content type the operation cannot read → 415 with the JSON error shape; +json and no type are JSON', async () => {
    const item = JSON.stringify({ name: 'a', email: 'a@b.co', quantity: 1 });
    const text = await call('POST', 'items', { body: item, headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.json).toEqual({
      error: { code: HTTP_CODES.UNSUPPORTED_MEDIA_TYPE, message: expect.stringContaining("'text/plain'"), hint: expect.stringContaining('application/json'), target: 'header.Content-Type' },
    });
    expect((await call('POST', 'items', { body: item, headers: { 'content-type': 'application/xml' } })).status).toBe(415);
    expect((await call('POST', 'items', { body: item, headers: { 'content-type': 'application/merge-patch+json' } })).status).toBe(201);
    expect((await call('POST', 'items', { body: item, headers: { 'content-type': 'application/json; charset=utf-8' } })).status).toBe(201);
    // fetch labels a string body text/plain; a Blob without a type sends no content type at all.
    expect((await call('POST', 'items', { body: new Blob([item]) })).status).toBe(201);
  });

  it('honours setStatus and setHeader, and coerces body values like tsoa', async () => {
    const r = await post('items', { name: 'a', email: 'a@b.co', quantity: '2', tags: ['x'] });
    expect(r.status).toBe(201);
    expect(r.headers.get('x-item-id')).toBe('i1');
    expect(r.json).toEqual({ id: 'i1', name: 'a', email: 'a@b.co', quantity: 2, tags: ['x'] });
  });

  it('returns 204 when the method returns nothing', async () => {
    const r = await call('DELETE', 'items/3');
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
  });

  it('honours TsoaResponse responders (status, body, headers)', async () => {
    const r = await call('GET', 'items/3/gone');
    expect(r.status).toBe(404);
    expect(r.headers.get('x-why')).toBe('deleted');
    expect(r.json).toEqual({ reason: 'item 3 is gone' });
  });

  it('builds @Queries models from the query string', async () => {
    expect((await call('GET', 'items/search/run?term=x&page=2&ids=1&ids=2')).json).toEqual({ term: 'x', page: 2, ids: [1, 2] });
    const bad = await call('GET', 'items/search/run?page=z');
    expect(targets(bad.json)).toEqual(['query.page CK_HTTP_FIELD_INVALID', 'query.term CK_HTTP_FIELD_REQUIRED']);
  });

  it('reads multipart form fields and files', async () => {
    const fd = new FormData();
    fd.set('title', 'T');
    fd.set('file', new Blob(['hello']), 'h.txt');
    const r = await call('POST', 'items/upload', { body: fd });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ title: 'T', name: 'h.txt', size: 5, text: 'hello' });
    const missing = new FormData();
    missing.set('title', 'T');
    const m = await call('POST', 'items/upload', { body: missing });
    expect(targets(m.json)).toEqual(['form.file CK_HTTP_FIELD_REQUIRED']);
  });

  it('maps HttpError to its status, headers and the JSON error body', async () => {
    const r = await call('GET', 'items/fail/http');
    expect(r.status).toBe(409);
    expect(r.headers.get('retry-after')).toBe('5');
    expect(r.json).toEqual({ error: { code: 'ITEM_CONFLICT', message: 'The item is locked.', target: 'id' } });
  });

  it('turns an unknown exception into a 500 JSON body without the stack, and logs it', async () => {
    const r = await call('GET', 'items/fail/crash');
    expect(r.status).toBe(500);
    expect(r.json.error.code).toBe(HTTP_CODES.INTERNAL);
    expect(r.text).not.toMatch(/hunter2|at /);
    expect(io.messages.some((m) => m.message.includes('hunter2'))).toBe(true);
  });

  it('logs stack traces mapped to the controller sources, not into the bundle', async () => {
    await call('GET', 'items/fail/crash');
    const logged = io.messages
      .filter((m) => m.message.includes('hunter2'))
      .map((m) => m.message)
      .join('\n');
    const line =
      readFileSync(path.join(dir, 'functions/controllers/items-controller.ts'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('hunter2')) + 1;
    expect(logged).toContain(`functions/controllers/items-controller.ts:${line}:`);
    expect(logged).not.toMatch(/main\.js:\d+/);
  });

  it("runs @Security alternatives as OR and one alternative's schemes as AND", async () => {
    const none = await call('GET', 'secure/either');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await call('GET', 'secure/either', { headers: { 'x-key': 'good' } })).json).toEqual({ user: { via: 'key' } });
    expect((await call('GET', 'secure/either', { headers: { authorization: 'Bearer t-read' } })).json).toEqual({ user: { via: 'token', scope: 'read' } });
    expect((await call('GET', 'secure/either', { headers: { authorization: 'Bearer t-write' } })).status).toBe(403);
    expect((await call('GET', 'secure/both', { headers: { authorization: 'Bearer t-read' } })).status).toBe(401);
    expect((await call('GET', 'secure/both', { headers: { authorization: 'Bearer t-read', 'x-key': 'good' } })).status).toBe(200);
  });

  it('runs @Middlewares (class, then method) before the method: a throw or a returned response answers instead', async () => {
    const denied = await call('GET', 'media/report.csv');
    expect([denied.status, denied.json.error.code]).toEqual([403, 'FIXTURE_NO_TENANT']);
    const down = await call('GET', 'media/report.csv?maintenance=1', { headers: { 'x-tenant': 't1' } });
    expect([down.status, down.json.error.code]).toEqual([503, 'FIXTURE_MAINTENANCE']);
  });

  it('streams a Readable result with the @Produces content type (not the stream object as JSON)', async () => {
    const r = await fetch(`${host.url}/api/media/report.csv`, { headers: { 'x-tenant': 't1' } });
    expect([r.status, r.headers.get('content-type'), await r.text()]).toEqual([200, 'text/csv', 'id,name\n1,alpha\n2,beta\n']);
  });

  it('sends a Buffer result as bytes with the @Produces content type', async () => {
    const r = await fetch(`${host.url}/api/media/logo`, { headers: { 'x-tenant': 't1' } });
    expect([r.status, r.headers.get('content-type'), [...new Uint8Array(await r.arrayBuffer())]]).toEqual([200, 'image/png', [0x89, 0x50, 0x4e, 0x47]]);
  });

  it('the generated routes.ts typechecks under strict TypeScript', () => {
    const file = path.join(dir, 'functions/.generated/routes.ts');
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      experimentalDecorators: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      skipLibCheck: true,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      baseUrl: REPO_ROOT,
      paths: { 'connectorkit/runtime': ['scripts/runtime/index.ts'] },
    });
    const diags = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diags).toEqual([]);
  });
});

describe('runtime codes', () => {
  it('every HTTP code of the bundled runtime is registered', () => {
    expect(Object.values(HTTP_CODES).sort()).toEqual(Object.keys(RUNTIME_CODES).sort());
  });
});
