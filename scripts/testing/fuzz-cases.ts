/**
 * Test helper: hostile requests generated from a Swagger 2.0 document (the build's dist/swagger.json). Every
 * operation is called with its declared method and others, hostile path values, query values, headers and bodies:
 * valid bodies built from the schema, then each field broken (wrong type, out of range, impossible dates, prototype
 * keys, huge or deeply nested values), plus bodies that are not JSON at all. Deterministic: a seeded PRNG.
 */
import { seededRandom } from './doubles-common/faults';

export interface FuzzRequest {
  method: string;
  /** Path and query, e.g. /api/employees?top=0. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Which operation and mutation produced it, for failure messages. */
  label: string;
}

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};
interface Param {
  name: string;
  in: string;
  type?: string;
  schema?: Schema;
  enum?: unknown[];
  required?: boolean;
}
interface Spec {
  basePath?: string;
  paths: Record<string, Record<string, { operationId?: string; parameters?: Param[] }>>;
  definitions?: Record<string, Schema>;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "E000001' or '1'='1",
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\r\n[GetMe] forged log line',
  '\u001b[2J\u001b[31m',
  '\u009b31m',
  '\u2028\u2029',
  '\ud800',
  '\udfff',
  '😀'.repeat(50),
  'é'.repeat(300),
  'x'.repeat(70000),
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '2025-02-30',
  '0000-00-00',
  '2025-13-45',
  '9999-12-31T23:59:60Z',
  'E000000',
  'E999999',
  'E00000１',
];
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -0,
  [],
  {},
  [null],
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
  'x'.repeat(100000),
  Array.from({ length: 1000 }, (_, i) => i),
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/problem+json',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/xml',
  '*/*',
  'application/json, text/plain',
  ';;;',
  'application/octet-stream',
];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'CONNECTX'];

function resolve(spec: Spec, s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let i = 0; i < 10 && cur.$ref; i++) cur = spec.definitions?.[cur.$ref.replace('#/definitions/', '')] ?? {};
  return cur;
}

/** A value the schema accepts (examples and enums first; patterns of the sample's id/department/date kinds). */
export function validValue(spec: Spec, schema: Schema | undefined, rnd: () => number, depth = 0): unknown {
  const s = resolve(spec, schema);
  if (s.example !== undefined && typeof s.example !== 'object') return s.example;
  if (s.enum?.length) return s.enum[Math.floor(rnd() * s.enum.length)];
  if (s.type === 'object' || s.properties) {
    const out: Record<string, unknown> = {};
    for (const [k, p] of Object.entries(s.properties ?? {})) if ((s.required ?? []).includes(k) || rnd() < 0.5) if (depth < 4) out[k] = validValue(spec, p, rnd, depth + 1);
    return out;
  }
  if (s.type === 'array') return depth < 4 ? [validValue(spec, s.items, rnd, depth + 1)] : [];
  if (s.type === 'integer' || s.type === 'number') return Math.max(s.minimum ?? 1, Math.min(s.maximum ?? 50, 5));
  if (s.type === 'boolean') return true;
  if (s.format === 'date') return `20${10 + Math.floor(rnd() * 15)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
  if (s.format === 'date-time') return '2024-05-06T07:08:09Z';
  if (s.pattern === '^E[0-9]{6}$') return `E${String(500000 + Math.floor(rnd() * 400000))}`;
  if (s.pattern?.startsWith('^[A-Z]')) return 'ENG';
  if (s.format === 'email' || s.pattern?.includes('@')) return `fuzz${Math.floor(rnd() * 1e6)}@contoso.example`;
  if (s.pattern === '^[A-Z]{2}$') return 'DE';
  return 'Fuzz value';
}

/** encodeURIComponent that survives lone surrogates (they are sent as the raw UTF-8 of U+FFFD's neighbours). */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

function pick<T>(xs: readonly T[], rnd: () => number): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

/** A JSON body text for `schema`, mutated in one of many hostile ways (or left valid). */
function bodyText(spec: Spec, schema: Schema | undefined, rnd: () => number): { text: string; how: string } {
  const valid = validValue(spec, schema, rnd) as Record<string, unknown>;
  const props = Object.keys(resolve(spec, schema).properties ?? {});
  const r = rnd();
  if (r < 0.15) return { text: JSON.stringify(valid), how: 'valid' };
  if (r < 0.55 && props.length) {
    const field = pick(props, rnd);
    const value = rnd() < 0.5 ? pick(HOSTILE_STRINGS, rnd) : pick(HOSTILE_VALUES, rnd);
    return { text: JSON.stringify({ ...valid, [field]: value }), how: `field ${field}` };
  }
  if (r < 0.6) return { text: `{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},${JSON.stringify(valid).slice(1)}`, how: 'prototype keys' };
  if (r < 0.65) return { text: `${'['.repeat(5000)}${']'.repeat(5000)}`, how: 'deep array' };
  if (r < 0.7) return { text: `{"a":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`, how: 'deep object' };
  if (r < 0.75) return { text: JSON.stringify(valid).slice(0, Math.floor(rnd() * 40)), how: 'truncated' };
  if (r < 0.8) return { text: `\ufeff${JSON.stringify(valid)}`, how: 'BOM' };
  if (r < 0.85) return { text: pick(['null', '[]', '"text"', '0', 'true', '{}', 'undefined', "{'a':1}", 'NaN', '1e999'], rnd), how: 'not an object' };
  if (r < 0.9) return { text: Buffer.from(Array.from({ length: 64 }, () => Math.floor(rnd() * 256))).toString('latin1'), how: 'random bytes' };
  if (r < 0.95) return { text: JSON.stringify({ ...valid, extra: 'x'.repeat(1 << 20) }), how: '1 MB extra' };
  return { text: JSON.stringify(valid).replace(/"$/, '\\ud800"').replace(/:"/, ':"\\u0000'), how: 'escapes' };
}

function pathValue(rnd: () => number, seeded: readonly string[]): string {
  const r = rnd();
  if (r < 0.25) return pick(seeded, rnd);
  if (r < 0.35) return `E${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}`;
  const raw = pick([...HOSTILE_STRINGS, '%2F', '%ZZ', '%', '..', '.', '%2e%2e', '{employeeId}', 'E000001%00', 'E000001/extra'], rnd);
  return raw.startsWith('%') || raw.includes('/') || raw === '..' || raw === '.' ? raw : enc(raw).slice(0, 3000);
}

/** `count` hostile requests over every operation of the spec. `seeded` ids are used in paths, never deleted. */
export function fuzzRequests(spec: Spec, opts: { count: number; seed: number; token: string; seeded: readonly string[]; hostHeader: string }): FuzzRequest[] {
  const rnd = seededRandom(opts.seed);
  const base = spec.basePath && spec.basePath !== '/' ? spec.basePath : '';
  const ops = Object.entries(spec.paths).flatMap(([p, item]) =>
    Object.entries(item)
      .filter(([m]) => METHODS.includes(m.toUpperCase()))
      .map(([m, op]) => ({ path: p, method: m.toUpperCase(), op })),
  );
  const extraPaths = [
    '/api/docs/constructor',
    '/api/docs/__proto__',
    '/api/docs/..%2F..%2Fpackage.json',
    '/api//employees',
    '/api/employees/',
    '/API/EMPLOYEES',
    '/api/swagger.json',
    '/admin/host/status',
    '/',
    '/api',
    '/api/%',
    '/api/employees/E000001/../../swagger.json',
    `/api/${'a'.repeat(5000)}`,
  ];
  const out: FuzzRequest[] = [];
  for (let i = 0; i < opts.count; i++) {
    const { path, method: declared, op } = ops[i % ops.length]!;
    const method = rnd() < 0.85 ? declared : pick(METHODS, rnd);
    const usesSeeded = { value: false };
    let p = path.replace(/\{([^}]+)\}/g, () => {
      const v = pathValue(rnd, opts.seeded);
      if (opts.seeded.includes(v)) usesSeeded.value = true;
      return v;
    });
    if (rnd() < 0.04) p = pick(extraPaths, rnd).replace(/^\/api/, '');
    const query: string[] = [];
    for (const prm of op.parameters ?? []) {
      if (prm.in !== 'query' || rnd() < 0.3) continue;
      const v = rnd() < 0.3 ? String(validValue(spec, { type: prm.type, enum: prm.enum }, rnd)) : pick(HOSTILE_STRINGS, rnd);
      query.push(`${enc(prm.name)}=${enc(v).slice(0, 1500)}`);
      if (rnd() < 0.1) query.push(`${enc(prm.name)}=${enc(pick(HOSTILE_STRINGS, rnd)).slice(0, 200)}`);
    }
    if (rnd() < 0.1) query.push('__proto__[polluted]=1', 'constructor[prototype][x]=1');
    if (rnd() < 0.1) query.push('code=FUZZ_SECRET_CODE', 'access_token=FUZZ_SECRET_TOKEN');
    const headers: Record<string, string> = { host: opts.hostHeader };
    const a = rnd();
    if (a < 0.75) headers.authorization = `Bearer ${opts.token}`;
    else if (a < 0.85) headers.authorization = pick(['Bearer', 'Bearer ', 'Basic Zm9vOmJhcg==', `Bearer ${'x'.repeat(3000)}`, 'Bearer a.b.c', `bearer ${opts.token}`], rnd);
    if (rnd() < 0.05) headers.host = pick(['a b', '[::1', '127.0.0.1:99999', 'evil.example', 'x@y:1'], rnd);
    const ifMatch = (op.parameters ?? []).some((x) => x.in === 'header' && x.name.toLowerCase() === 'if-match');
    // A DELETE with no usable If-Match deletes whatever is stored: seeded records always get a stale-looking ETag.
    if (ifMatch || rnd() < 0.1)
      headers['if-match'] =
        usesSeeded.value && method === 'DELETE'
          ? 'W/"datetime\'2000-01-01T00%3A00%3A00Z\'"'
          : pick(['*', '', 'W/"x"', '"abc"', 'W/"datetime\'2024-01-01T00%3A00%3A00.0000000Z\'"', 'x'.repeat(2000)], rnd);
    if (usesSeeded.value && method === 'DELETE' && !headers['if-match']) headers['if-match'] = 'W/"datetime\'2000-01-01T00%3A00%3A00Z\'"';
    if (rnd() < 0.05) headers['x-functions-key'] = 'FUZZ_SECRET_KEY';
    if (rnd() < 0.05) headers.origin = pick(['http://evil.example', 'null', 'http://localhost:3000'], rnd);
    let body: Buffer | undefined;
    let how = '';
    const bodyParam = (op.parameters ?? []).find((x) => x.in === 'body');
    if ((bodyParam || rnd() < 0.1) && method !== 'GET' && method !== 'HEAD') {
      const b = bodyText(spec, bodyParam?.schema, rnd);
      body = Buffer.from(b.text, 'utf8');
      how = b.how;
      headers['content-type'] = rnd() < 0.8 ? 'application/json' : pick(CONTENT_TYPES, rnd);
    }
    if (method === 'DELETE' && usesSeeded.value && headers['if-match'] === '*') headers['if-match'] = 'W/"stale"';
    out.push({ method, path: `${base}${p}${query.length ? `?${query.join('&')}` : ''}`, headers, body, label: `${op.operationId ?? path} ${method} ${how}`.trim() });
  }
  return out;
}
