/**
 * The sample Employee API end to end: built with `connectorkit build`, served by the local host over HTTP,
 * storage on Azurite and tokens from the dev issuer (both started by startDevServices, on free ports).
 */
import * as net from 'node:net';
import * as path from 'node:path';
import { RecordingIoHost, SilentIoHost } from '../core/io';
import { startHost, type HostHandle } from '../host';
import { startDevServices, type DevServices } from './index';
import { buildSampleProject, type SampleProject } from '../testing/sample-project';
import { mintAccessToken } from '../auth-dev/mint';
import { KeySet, loadOrCreateKey } from '../auth-dev/keys';

let project: SampleProject;
let dev: DevServices;
let host: HostHandle;
let api: string;
let token: string;
let keys: KeySet;
const hostIo = new RecordingIoHost();

const call = async (method: string, p: string, opts: { body?: unknown; headers?: Record<string, string>; auth?: string | null } = {}) => {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.auth !== null) headers.authorization = `Bearer ${opts.auth ?? token}`;
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  const url = p.startsWith('http') ? p : `${api}${p}`;
  const r = await fetch(url, {
    method,
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await r.text();
  return { status: r.status, headers: r.headers, body: text ? JSON.parse(text) : undefined };
};

const newHire = (n: number, department = 'ENG') => ({
  id: `E${String(n).padStart(6, '0')}`,
  givenName: 'Grace',
  familyName: `Hopper${n}`,
  email: `grace${n}@contoso.example`,
  jobTitle: 'Rear Admiral',
  department,
  employmentType: 'FullTime',
  hireDate: '2025-01-15',
  workAddress: { street: '1 Navy Way', city: 'Arlington', region: 'VA', postalCode: '22201', country: 'US' },
});

beforeAll(async () => {
  project = await buildSampleProject();
  const keyFile = path.join(project.dir, '.connectorkit', 'dev-issuer', 'signing-key.json');
  dev = await startDevServices(project.loaded, new SilentIoHost(), { issuerPort: 0, processEnv: {}, keyFile });
  host = await startHost({ appDir: project.appDir, port: 0, io: hostIo, env: dev.env, specFile: project.specFile, docs: dev.docs });
  api = `${host.url}/api`;
  keys = new KeySet();
  await loadOrCreateKey(keys, keyFile);
  token = await mintAccessToken(keys, { baseUrl: dev.urls.issuer!, scopes: ['user_impersonation'] });
}, 120_000);

afterAll(async () => {
  await host?.close();
  await dev?.stop();
  project?.remove();
});

describe('sample API through the local host', () => {
  it('registers every operation', () => {
    expect(host.functions.map((f) => f.name).sort()).toEqual([
      'CreateEmployee',
      'DeleteEmployee',
      'DeleteEmployeeAddedSubscription',
      'GetEmployee',
      'GetMe',
      'ListDepartments',
      'ListEmployees',
      'OnEmployeeAdded',
      'OnEmployeeChanged',
      'UpdateEmployee',
    ]);
  });

  it('GetMe: 401 without a token, the caller with one (v2 and v1), 403 without the scope', async () => {
    const none = await call('GET', '/me', { auth: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(none.body.error.code).toBe('CK_HTTP_INVALID_TOKEN');
    const me = await call('GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ tokenVersion: '2.0', userName: 'dev.user@contoso.example', scopes: ['user_impersonation'] });
    const v1 = await call('GET', '/me', { auth: await mintAccessToken(keys, { baseUrl: dev.urls.issuer!, version: '1.0', scopes: ['user_impersonation'] }) });
    expect([v1.status, v1.body.tokenVersion]).toEqual([200, '1.0']);
    const noScope = await call('GET', '/me', { auth: await mintAccessToken(keys, { baseUrl: dev.urls.issuer!, scopes: ['Other.Read'] }) });
    expect(noScope.status).toBe(403);
    expect(noScope.headers.get('www-authenticate')).toContain('insufficient_scope');
  });

  it('a rejected token is logged on the invocation with the failed check, never the token', async () => {
    const expired = await mintAccessToken(keys, { baseUrl: dev.urls.issuer!, scopes: ['user_impersonation'], expiresIn: -600 });
    const before = hostIo.messages.length;
    const r = await call('GET', '/me', { auth: expired });
    expect(r.status).toBe(401);
    const lines = hostIo.messages.slice(before).filter((m) => m.message.includes('auth: token rejected'));
    expect(lines).toEqual([
      expect.objectContaining({ level: 'warn', message: expect.stringMatching(/^\[GetMe\] auth: token rejected, check=expired: /), data: { invocationId: expect.stringMatching(/^[0-9a-f-]{36}$/) } }),
    ]);
    const signature = expired.split('.')[2]!;
    for (const m of hostIo.messages) expect(JSON.stringify(m)).not.toContain(signature);
  });

  it('ListDepartments', async () => {
    const r = await call('GET', '/departments');
    expect(r.status).toBe(200);
    expect(r.body.value.map((d: { id: string }) => d.id)).toContain('ENG');
  });

  it('CreateEmployee → 201 with ETag and Location; duplicate → 409; GetEmployee; 404 on unknown ids', async () => {
    const c = await call('POST', '/employees', { body: newHire(1) });
    expect(c.status).toBe(201);
    expect(c.headers.get('etag')).toBe(c.body.etag);
    expect(c.headers.get('location')).toBe(`${api}/employees/E000001`);
    expect(c.body).toMatchObject({ id: 'E000001', displayName: 'Grace Hopper1', status: 'Active', workAddress: { country: 'US' } });
    const dup = await call('POST', '/employees', { body: newHire(1) });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'EMPLOYEE_ALREADY_EXISTS']);
    const g = await call('GET', '/employees/E000001');
    expect(g.status).toBe(200);
    expect(g.headers.get('etag')).toBe(c.body.etag);
    const missing = await call('GET', '/employees/E999999');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'EMPLOYEE_NOT_FOUND']);
    expect((await call('PATCH', '/employees/E999999', { body: { jobTitle: 'x' }, headers: { 'if-match': c.body.etag } })).status).toBe(404);
    expect((await call('DELETE', '/employees/E999999')).status).toBe(404);
  });

  it('validation 400s: one detail per invalid field', async () => {
    const bad = await call('POST', '/employees', { body: { ...newHire(2), email: 'not-an-email', hireDate: '15/01/2025', employmentType: 'Pirate', givenName: undefined } });
    expect(bad.status).toBe(400);
    const targets = bad.body.error.details.map((d: { target: string }) => d.target).join(' ');
    for (const f of ['email', 'hireDate', 'employmentType', 'givenName']) expect(targets).toContain(f);
    const byTarget = Object.fromEntries(bad.body.error.details.map((d: { target: string; message: string }) => [d.target, d.message]));
    expect(byTarget).toMatchObject({
      'body.email': 'email must be a valid email address',
      'body.employmentType': 'employmentType must be one of FullTime, PartTime, Contractor, Intern',
      'body.givenName': 'givenName is required',
    });
    expect(bad.body.error.details).toHaveLength(4);
    const detail = async (p: string) => (await call('GET', p)).body.error.details;
    expect(await detail('/employees?top=abc')).toEqual([{ code: 'CK_HTTP_FIELD_INVALID', message: 'top must be an integer', target: 'query.top' }]);
    expect(await detail('/employees?top=0')).toEqual([expect.objectContaining({ message: 'top must be at least 1', target: 'query.top' })]);
    expect(await detail('/employees/E12')).toEqual([expect.objectContaining({ message: 'employeeId must match the pattern ^E[0-9]{6}$', target: 'path.employeeId' })]);
    const extra = await call('POST', '/employees', { body: { ...newHire(4), nickname: 'Amazing' } });
    expect(extra.body.error.details).toEqual([{ code: 'CK_HTTP_FIELD_UNEXPECTED', message: 'nickname is not a declared property and is not allowed', target: 'body.nickname' }]);
    const dept = await call('POST', '/employees', { body: newHire(3, 'XYZ') });
    expect([dept.status, dept.body.error.code]).toEqual([400, 'UNKNOWN_DEPARTMENT']);
    expect((await call('POST', '/employees', { body: '{"id":' })).status).toBe(400);
    const plain = await call('POST', '/employees', { body: JSON.stringify(newHire(5)), headers: { 'content-type': 'text/plain' } });
    expect([plain.status, plain.body.error.code, plain.body.error.target]).toEqual([415, 'CK_HTTP_UNSUPPORTED_MEDIA_TYPE', 'header.Content-Type']);
    expect((await call('GET', '/employees/not-an-id')).status).toBe(400);
    expect((await call('GET', '/employees?top=0')).status).toBe(400);
    expect((await call('GET', '/employees?top=101')).status).toBe(400);
    expect((await call('GET', '/employees?status=Retired')).status).toBe(400);
    expect((await call('GET', '/employees?skipToken=garbage')).body.error.code).toBe('INVALID_SKIP_TOKEN');
    // Missing, blank and wildcard If-Match: the same validation failure on header.If-Match; the detail code says which.
    const ifMatch = async (headers: Record<string, string>) => {
      const r = await call('PATCH', '/employees/E000001', { body: { jobTitle: 'CTO' }, headers });
      return [r.status, r.body.error.code, r.body.error.details.map((d: { code: string; target: string }) => `${d.target} ${d.code}`)];
    };
    expect(await ifMatch({})).toEqual([400, 'CK_HTTP_VALIDATION_FAILED', ['header.If-Match CK_HTTP_FIELD_REQUIRED']]);
    expect(await ifMatch({ 'if-match': '*' })).toEqual([400, 'CK_HTTP_VALIDATION_FAILED', ['header.If-Match IF_MATCH_REQUIRED']]);
    // A blank header value arrives as an empty string, which counts as missing.
    expect(await ifMatch({ 'if-match': ' ' })).toEqual([400, 'CK_HTTP_VALIDATION_FAILED', ['header.If-Match CK_HTTP_FIELD_REQUIRED']]);
  });

  it('dates are real calendar dates: impossible days and months are 400 and nothing is stored', async () => {
    for (const [i, d] of ['2025-02-30', '0000-00-00', '2025-13-45', '2025-02-29', '2025-04-31', '2025-00-10'].entries()) {
      const r = await call('POST', '/employees', { body: { ...newHire(300 + i), hireDate: d } });
      expect([d, r.status, r.body.error.details]).toEqual([d, 400, [{ code: 'CK_HTTP_FIELD_INVALID', message: 'hireDate must be a date (YYYY-MM-DD)', target: 'body.hireDate' }]]);
      expect((await call('GET', `/employees/${newHire(300 + i).id}`)).status).toBe(404);
    }
    const leap = await call('POST', '/employees', { body: { ...newHire(310), hireDate: '2024-02-29' } });
    expect([leap.status, leap.body.hireDate]).toEqual([201, '2024-02-29']);
    const patch = await call('PATCH', '/employees/E000310', { body: { hireDate: '2023-02-29' }, headers: { 'if-match': leap.body.etag } });
    expect([patch.status, patch.body.error.details[0].target]).toEqual([400, 'body.hireDate']);
  });

  it('a crafted skipToken is 400 INVALID_SKIP_TOKEN; only a real outage is logged as one', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');
    const before = hostIo.messages.length;
    for (const t of [
      b64({ nextPartitionKey: 'employee', nextRowKey: { a: 1 } }),
      b64({ nextPartitionKey: 'employee', nextRowKey: ['E1'] }),
      b64({ nextPartitionKey: 'employee', nextRowKey: 5 }),
      b64({ nextPartitionKey: 7 }),
      b64({ nextPartitionKey: 'employee', nextRowKey: 'E1', extra: true }),
      b64({ nextPartitionKey: 'x\u0000y' }),
      b64([]),
      b64(null),
      'e30=',
    ]) {
      const r = await call('GET', `/employees?skipToken=${encodeURIComponent(t)}`);
      expect([t, r.status, r.body.error.code, r.headers.get('retry-after')]).toEqual([t, 400, 'INVALID_SKIP_TOKEN', null]);
    }
    expect(hostIo.messages.slice(before).filter((m) => /storage/i.test(m.message))).toEqual([]);
  });

  it('token contents are never logged before the signature is checked, and request values are escaped', async () => {
    const b64u = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const forged = 'x\r\n[GetMe] auth: token accepted for admin\u001b[2J\u009b31m';
    const tokens = [
      `${b64u({ alg: forged, typ: 'JWT' })}.${b64u({ iss: 'https://issuer.example/', aud: 'x' })}.c2ln`,
      `${b64u({ alg: 'RS256', typ: 'JWT', kid: forged })}.${b64u({ iss: forged, aud: forged, tid: forged, oid: forged })}.c2ln`,
      `${b64u({ alg: 'RS256', typ: 'JWT' })}.${b64u({ iss: dev.env.AUTH_ISSUERS?.split(',')[0] ?? forged, aud: forged })}.c2ln`,
    ];
    const before = hostIo.messages.length;
    for (const t of tokens) expect((await call('GET', '/me', { auth: t })).status).toBe(401);
    expect((await call('GET', `/me?x=${encodeURIComponent(forged)}`, { auth: 'not-a-jwt' })).status).toBe(401);
    const logged = hostIo.messages.slice(before);
    expect(logged.length).toBeGreaterThan(0);
    for (const m of logged) {
      // eslint-disable-next-line no-control-regex -- the raw control characters are what must not appear
      expect(m.message).not.toMatch(/[\r\n\u001b\u009b]/);
      expect(m.message).not.toContain('token accepted for admin');
      expect(m.message).not.toContain('issuer.example');
    }
  });

  it('UpdateEmployee: two PATCHes with the same ETag → exactly one 412', async () => {
    const g = await call('GET', '/employees/E000001');
    const etag = g.headers.get('etag')!;
    const [a, b] = await Promise.all([
      call('PATCH', '/employees/E000001', { body: { jobTitle: 'Commodore' }, headers: { 'if-match': etag } }),
      call('PATCH', '/employees/E000001', { body: { status: 'OnLeave' }, headers: { 'if-match': etag } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const loser = a.status === 412 ? a : b;
    expect(loser.body.error).toMatchObject({ code: 'PRECONDITION_FAILED', target: 'If-Match' });
    const winner = a.status === 200 ? a : b;
    expect(winner.headers.get('etag')).not.toBe(etag);
  });

  it('ListEmployees pages across pages with nextLink and filters', async () => {
    for (let i = 100; i < 107; i++) expect((await call('POST', '/employees', { body: newHire(i, 'FIN') })).status).toBe(201);
    const seen: string[] = [];
    let url: string | undefined = `${api}/employees?department=FIN&top=3`;
    let pages = 0;
    while (url && pages < 10) {
      const r = await call('GET', url);
      expect(r.status).toBe(200);
      seen.push(...r.body.value.map((e: { id: string }) => e.id));
      url = r.body.nextLink;
      if (url) expect(url.startsWith(`${api}/employees?`)).toBe(true);
      pages++;
    }
    expect(seen).toEqual(['E000100', 'E000101', 'E000102', 'E000103', 'E000104', 'E000105', 'E000106']);
    expect(pages).toBe(3);
    const eng = await call('GET', '/employees?department=ENG&status=Active');
    expect(eng.body.value.every((e: { department: string }) => e.department === 'ENG')).toBe(true);
  });

  it('DeleteEmployee → 204, then 404; stale If-Match → 412', async () => {
    const g = await call('GET', '/employees/E000100');
    await call('PATCH', '/employees/E000100', { body: { jobTitle: 'Analyst' }, headers: { 'if-match': g.body.etag } });
    expect((await call('DELETE', '/employees/E000100', { headers: { 'if-match': g.body.etag } })).status).toBe(412);
    expect((await call('DELETE', '/employees/E000100')).status).toBe(204);
    expect((await call('GET', '/employees/E000100')).status).toBe(404);
  });

  it('storage down → 503 STORAGE_UNAVAILABLE with a hint, quickly (bounded retries), and the log names the outage', async () => {
    const downIo = new RecordingIoHost();
    const down = await startHost({
      appDir: project.appDir,
      port: 0,
      io: downIo,
      env: { ...dev.env, AzureWebJobsStorage: dev.env.AzureWebJobsStorage!.replace(/:\d+\/devstoreaccount1/, ':1/devstoreaccount1') },
    });
    try {
      const r = await fetch(`${down.url}/api/employees/E000001`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(20_000) });
      const body = (await r.json()) as { error: { code: string; hint?: string } };
      expect(r.status).toBe(503);
      expect(body.error.code).toBe('STORAGE_UNAVAILABLE');
      expect(body.error.hint).toMatch(/Azurite/);
      expect(r.headers.get('retry-after')).toBe('5');
      expect(downIo.messages.some((m) => m.level === 'warn' && /^\[GetEmployee\] STORAGE_UNAVAILABLE \(503\): .*ECONNREFUSED/.test(m.message))).toBe(true);
    } finally {
      await down.close();
    }
  });

  it('storage accepts connections but never answers → 503 STORAGE_UNAVAILABLE with a hint (STORAGE_TIMEOUT_MS)', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => void sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const env = { ...dev.env, STORAGE_TIMEOUT_MS: '300', AzureWebJobsStorage: dev.env.AzureWebJobsStorage!.replace(/:\d+\/devstoreaccount1/, `:${port}/devstoreaccount1`) };
    const hung = await startHost({ appDir: project.appDir, port: 0, io: new SilentIoHost(), env });
    try {
      const r = await fetch(`${hung.url}/api/employees/E000001`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
      const body = (await r.json()) as { error: { code: string; hint?: string } };
      expect([r.status, body.error.code]).toEqual([503, 'STORAGE_UNAVAILABLE']);
      expect(body.error.hint).toMatch(/STORAGE_TIMEOUT_MS/);
      expect(sockets.size).toBeGreaterThan(0);
    } finally {
      await hung.close();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('docs: the served spec points the Authorize button at the dev issuer', async () => {
    const spec = (await (await fetch(`${api}/swagger.json`)).json()) as { securityDefinitions: Record<string, { authorizationUrl: string; tokenUrl: string }> };
    expect(spec.securityDefinitions.entra!.authorizationUrl.startsWith(dev.urls.issuer!)).toBe(true);
    expect(spec.securityDefinitions.entra!.tokenUrl).toContain('/oauth2/v2.0/token');
  });
});
