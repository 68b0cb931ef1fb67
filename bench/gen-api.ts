/**
 * Generates a synthetic connectorkit project for the build bench: `controllers` resources × 4 operations
 * (list with query filters incl. an array, get, create with a validated JSON body, update), each with its own
 * models (JSDoc validators and x-ms extensions), plus a hello-world project and a hand-written handler project.
 * Their node_modules is what `npm install` gives a project made by init (linkProjectNodeModules): the repository's
 * packages, but of node_modules/@types only those an installed connectorkit brings, not its own dev tools'.
 */
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { linkProjectNodeModules, REPO_ROOT } from '../scripts/testing/fixture-project';

function write(root: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function project(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  linkProjectNodeModules(dir);
  write(dir, 'package.json', JSON.stringify({ name: prefix.replace(/-$/, ''), version: '1.0.0', private: true, connectorkit: { api: { title: 'Bench API' } } }, null, 2) + '\n');
  write(dir, 'host.json', readFileSync(path.join(REPO_ROOT, 'host.json'), 'utf8'));
  return dir;
}

/** The N-controller API; returns the project root. */
export function generateApi(controllers = 50): string {
  const dir = project('ck-bench-api-');
  write(dir, 'functions/index.ts', `import './.generated/routes';\n`);
  write(
    dir,
    'functions/models/common.ts',
    `/** Error body. */\nexport interface ApiError { error: { code: string; message: string } }\nexport enum Status { Active = 'active', Retired = 'retired' }\n`,
  );
  for (let i = 0; i < controllers; i++) {
    const r = `res${i}`;
    const R = pascal(r);
    write(
      dir,
      `functions/models/${r}.ts`,
      `import { Status } from './common';
/** A ${r}. */
export interface ${R} {
  id: string;
  /** @minLength 1 @maxLength 100 @extension {"x-ms-summary": "Name"} */
  name: string;
  /** @isInt @minimum 0 */
  quantity: number;
  status: Status;
  tags?: string[];
  createdAt: Date;
}
export interface Create${R}Request {
  /** @minLength 1 @maxLength 100 @extension {"x-ms-summary": "Name"} */
  name: string;
  /** @isInt @minimum 0 */
  quantity: number;
  status: Status;
  tags?: string[];
}
export interface ${R}Page { value: ${R}[]; nextLink?: string }
`,
    );
    write(
      dir,
      `functions/controllers/${r}-controller.ts`,
      `import { Body, Controller, Extension, Get, Path, Post, Put, Query, Route, SuccessResponse, Tags } from 'tsoa';
import { Status } from '../models/common';
import type { ${R}, ${R}Page, Create${R}Request } from '../models/${r}';

const sample = (id: string): ${R} => ({ id, name: 'n', quantity: 1, status: Status.Active, createdAt: new Date(0) });

/** ${R} resources. */
@Route('${r}')
@Tags('${R}')
export class ${R}Controller extends Controller {
  /** Lists ${r}. @summary List ${r} */
  @Get()
  @Extension('x-ms-visibility', 'important')
  public async list${R}(@Query() status?: Status, @Query() tags?: string[], @Query() top?: number): Promise<${R}Page> {
    void status; void tags; void top;
    return { value: [sample('a')] };
  }
  /** Gets one. @summary Get ${r} */
  @Get('{id}')
  public async get${R}(@Path() id: string): Promise<${R}> {
    return sample(id);
  }
  /** Creates one. @summary Create ${r} */
  @Post()
  @SuccessResponse(201, 'Created')
  public async create${R}(@Body() body: Create${R}Request): Promise<${R}> {
    this.setStatus(201);
    return { ...body, id: 'new', createdAt: new Date(0) };
  }
  /** Updates one. @summary Update ${r} */
  @Put('{id}')
  public async update${R}(@Path() id: string, @Body() body: Create${R}Request): Promise<${R}> {
    return { ...body, id, createdAt: new Date(0) };
  }
}
`,
    );
  }
  return dir;
}

/** One app.http function returning a constant: the cold-load baseline. */
export function generateHelloWorld(): string {
  const dir = project('ck-bench-hello-');
  write(
    dir,
    'functions/index.ts',
    `import { app } from '@azure/functions';\napp.http('hello', { methods: ['GET'], route: 'hello', authLevel: 'anonymous', handler: async () => ({ jsonBody: { hello: 'world' } }) });\n`,
  );
  return dir;
}

/**
 * A hand-written app.http handler doing the same work as the generated CreateRes0: parse JSON (400 on malformed),
 * check every field of Create…Request (types, required, minLength/maxLength, integer ≥ 0, enum, string array, no
 * extra properties) with one detail per field, then answer 201 with the created object.
 */
export function generateHandWritten(): string {
  const dir = project('ck-bench-hand-');
  write(
    dir,
    'functions/index.ts',
    `import { app, type HttpRequest } from '@azure/functions';
type Detail = { code: string; message: string; target: string };
const bad = (details: Detail[]) => ({ status: 400, jsonBody: { error: { code: 'CK_HTTP_VALIDATION_FAILED', message: 'The request is invalid.', details } } });
app.http('createRes0', {
  methods: ['POST'], route: 'res0', authLevel: 'anonymous',
  handler: async (req: HttpRequest) => {
    let body: Record<string, unknown>;
    try { body = JSON.parse(await req.text()); } catch { return { status: 400, jsonBody: { error: { code: 'CK_HTTP_MALFORMED_JSON', message: 'bad json' } } }; }
    const d: Detail[] = [];
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return bad([{ code: 'CK_HTTP_FIELD_INVALID', message: 'invalid object', target: 'body' }]);
    for (const k of Object.keys(body)) if (!['name', 'quantity', 'status', 'tags'].includes(k)) d.push({ code: 'CK_HTTP_FIELD_UNEXPECTED', message: k, target: 'body.' + k });
    const { name, quantity, status, tags } = body;
    if (typeof name !== 'string') d.push({ code: 'CK_HTTP_FIELD_REQUIRED', message: 'name', target: 'body.name' });
    else if (name.length < 1 || name.length > 100) d.push({ code: 'CK_HTTP_FIELD_INVALID', message: 'name length', target: 'body.name' });
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0) d.push({ code: 'CK_HTTP_FIELD_INVALID', message: 'quantity', target: 'body.quantity' });
    if (status !== 'active' && status !== 'retired') d.push({ code: 'CK_HTTP_FIELD_INVALID', message: 'status', target: 'body.status' });
    if (tags !== undefined && (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string'))) d.push({ code: 'CK_HTTP_FIELD_INVALID', message: 'tags', target: 'body.tags' });
    if (d.length) return bad(d);
    return { status: 201, jsonBody: { ...body, id: 'new', createdAt: new Date(0) } };
  },
});
`,
  );
  return dir;
}
