/**
 * The local host over real sockets, once with the fixture loaded unbundled (the library resolved from
 * node_modules) and once bundled by esbuild with @azure/functions-core external — both must behave the same.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RecordingIoHost } from '../core/io';
import { startHost, type HostHandle } from './index';
import { bundleFixture, request, waitFor } from '../testing/host-helpers';

const BASIC = path.join(__dirname, 'testdata', 'apps', 'basic');

describe.each([
  ['unbundled', () => BASIC],
  ['bundled', () => bundleFixture(BASIC)],
])('local host (%s app)', (_label, appDir) => {
  let host: HostHandle;
  const io = new RecordingIoHost();
  const hookFile = path.join(mkdtempSync(path.join(tmpdir(), 'ck-host-hook-')), 'terminated.txt');
  const get = (p: string, headers?: Record<string, string | string[]>) => request(host.url + p, { headers });

  beforeAll(async () => {
    process.env.PRESET_VAR = 'from-process';
    try {
      host = await startHost({ appDir: appDir(), port: 0, io, env: { FROM_OPTION: 'opt', FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: '1024', HOOK_FILE: hookFile } });
    } finally {
      delete process.env.PRESET_VAR;
    }
  });
  afterAll(async () => {
    await host?.close();
  });

  it('indexes every function with its route and prefix', () => {
    const getItem = host.functions.find((f) => f.name === 'getItem')!;
    expect(getItem).toMatchObject({ methods: ['GET'], route: 'items/{id:int}', authLevel: 'function', url: `${host.url}/api/items/{id:int}` });
    expect(host.functions.find((f) => f.name === 'DefaultRoute')!.route).toBe('DefaultRoute');
    expect(host.routePrefix).toBe('api');
  });

  it('routes by function-name order with constraints; wrong method and HEAD are 404', async () => {
    expect((await get('/api/items/42')).json()).toEqual({ id: 42, fn: 'getItem' });
    expect((await get('/api/items/recent')).json()).toEqual({ fn: 'listRecent' }); // {id:int} rejects "recent"
    expect((await get('/api/things/recent')).json()).toEqual({ fn: 'aWide', name: 'recent' }); // aWide < bNarrow
    expect((await get('/API/ITEMS/7/')).json()).toEqual({ id: 7, fn: 'getItem' });
    expect((await get('/api/items/99999999999')).status).toBe(404); // beyond int32
    expect((await request(`${host.url}/api/items/42`, { method: 'DELETE' })).status).toBe(202); // keys off by default
    expect((await request(`${host.url}/api/items/42`, { method: 'PUT' })).status).toBe(404);
    expect((await request(`${host.url}/api/items/42`, { method: 'HEAD' })).status).toBe(404);
    const miss = await get('/api/nope');
    expect(miss.status).toBe(404);
    expect(miss.json().error.code).toBe('CK_HOST_ROUTE_NOT_FOUND');
    expect(miss.headers['content-type']).toBe('application/json'); // the same media type generated handlers send
    expect((await get('/api/defaultroute?name=x')).text).toBe('hello x');
    expect((await get('/api/opt')).json()).toEqual({ params: {}, hasX: false });
    expect((await get('/api/opt/5')).json()).toEqual({ params: { x: '5' }, hasX: true });
    const g = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    expect((await get(`/api/typed/abc/${g}/TRUE/10/xy`)).json()).toEqual({ a: 'abc', g, b: 'TRUE', n: '10', s: 'xy' });
    for (const bad of [`a1/${g}/true/10/xy`, `abc/not-a-guid/true/10/xy`, `abc/${g}/yes/10/xy`, `abc/${g}/true/9/xy`, `abc/${g}/true/10/xyz`]) {
      expect((await get(`/api/typed/${bad}`)).status).toBe(404);
    }
    expect((await get('/api/rx/ab-123')).json()).toEqual({ code: 'ab-123' });
    expect((await get('/api/rx/ab-12')).status).toBe(404);
  });

  it('answers 204 for no return value, 500 with a JSON error for failures, and lets hooks map errors', async () => {
    const none = await get('/api/nothing');
    expect(none.status).toBe(204);
    expect(none.body.length).toBe(0);
    const boom = await get('/api/boom');
    expect(boom.status).toBe(500);
    expect(boom.json().error).toMatchObject({ code: 'CK_HOST_FUNCTION_FAILED' });
    expect(boom.json().error.message).toContain('kaboom');
    expect(boom.headers['content-type']).toBe('application/json');
    expect((await get('/api/bad')).status).toBe(500); // a non-object return is a library error
    const mapped = await get('/api/mapped');
    expect(mapped.status).toBe(418);
    expect(mapped.json()).toEqual({ mapped: 'mapped-error', pre: true });
    expect(io.messages.some((m) => m.code === 'CK_HOST_FUNCTION_FAILED' && m.message.includes('kaboom'))).toBe(true);
  });

  it('enforces the body limit (413) and the 4 KB URL limit (414)', async () => {
    expect((await request(`${host.url}/api/raw`, { method: 'POST', body: Buffer.alloc(1024, 1) })).status).toBe(200);
    const big = await request(`${host.url}/api/raw`, { method: 'POST', body: Buffer.alloc(1025, 1) });
    expect(big.status).toBe(413);
    expect(big.json().error.code).toBe('CK_HOST_BODY_TOO_LARGE');
    const long = await get(`/api/echo/x?q=${'a'.repeat(4100)}`);
    expect(long.status).toBe(414);
  });

  it('adds host.json customHeaders unless the function set them', async () => {
    const r = await get('/api/items/1');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-custom']).toBe('from-host');
    expect((await get('/api/hdr')).headers['x-custom']).toBe('from-function');
    expect((await get('/api/nope')).headers['x-custom']).toBe('from-host');
  });

  it('builds HttpRequest like the host: lower-cased headers, comma-joined duplicates and query keys', async () => {
    const r = await get('/api/echo/x/y%20z%2Fw?a=1&a=2&A=3&b=&c=x+y', { 'X-Mixed-Case': 'V', 'x-dup': ['one', 'two'] });
    const j = r.json();
    expect(j.rest).toBe('x/y z%2Fw');
    expect(j.url).toBe(`${host.url}/api/echo/x/y%20z%2Fw?a=1&a=2&A=3&b=&c=x+y`);
    expect(j.headers['x-mixed-case']).toBe('V');
    expect(j.headers['x-dup']).toBe('one,two');
    expect(j.query).toEqual({ a: '1,2,3', b: '', c: 'x y' });
    expect(j.aAll).toEqual(['1,2,3']);
    expect((await get('/api/echo')).json().rest).toBeNull(); // catch-all matches nothing
  });

  it('passes text, JSON and binary bodies byte-exact', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const raw = await request(`${host.url}/api/raw`, { method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream' } });
    expect(raw.body.equals(bytes)).toBe(true);
    const json = await request(`${host.url}/api/json`, { method: 'POST', body: JSON.stringify({ a: [1, 'é'] }), headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(201);
    expect(json.headers['content-type']).toBe('application/json');
    expect(json.json()).toEqual({ got: { a: [1, 'é'] } });
    const text = await request(`${host.url}/api/text`, { method: 'POST', body: 'héllo ✓', headers: { 'content-type': 'text/plain' } });
    expect(text.text).toBe('HÉLLO ✓');
    expect(text.headers['content-type']).toBe('text/plain;charset=UTF-8');
    const echo = await request(`${host.url}/api/echo/b`, { method: 'PUT', body: bytes });
    expect(Buffer.from(echo.json().bodyBase64, 'base64').equals(bytes)).toBe(true);
  });

  it('serialises cookies', async () => {
    expect((await get('/api/cookie')).headers['set-cookie']).toEqual(['sid=abc; max-age=60; path=/; samesite=lax; httponly']);
  });

  it('applies Host.CORS and Host.CORSCredentials', async () => {
    const pre = await request(`${host.url}/api/items/1`, {
      method: 'OPTIONS',
      headers: { origin: 'http://allowed.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers).toMatchObject({
      'access-control-allow-origin': 'http://allowed.example',
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': 'authorization',
      'access-control-allow-credentials': 'true',
    });
    const denied = await request(`${host.url}/api/items/1`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' } });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    const actual = await get('/api/items/1', { origin: 'http://other.example' });
    expect(actual.headers['access-control-allow-origin']).toBe('http://other.example');
    expect((await get('/api/items/1')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('turns local.settings.json Values into app settings; the environment wins, explicit env wins over both', async () => {
    expect((await get('/api/env')).json()).toEqual({ my: 'from-local', preset: 'from-process', opt: 'opt', nullOne: null, envName: 'Development' });
    expect(process.env.MY_SETTING).toBeUndefined(); // the app's settings never leak into the host process
  });

  it('runs appStart and invocation hooks (log hooks: see the logging test)', async () => {
    const r = (await get('/api/hooks')).json();
    expect(r.appStarted).toBe(true);
    expect(r.preCount).toBeGreaterThan(0);
    expect(r.wrapped).toBe(true);
  });

  it('answers 100 concurrent requests, each with its own result', async () => {
    const rs = await Promise.all(Array.from({ length: 100 }, (_, n) => get(`/api/slow/${n}`)));
    expect(rs.map((r) => r.status)).toEqual(Array(100).fill(200));
    expect(rs.map((r) => r.json().n)).toEqual(Array.from({ length: 100 }, (_, n) => n));
    expect(new Set(rs.map((r) => r.json().invocationId)).size).toBe(100);
  });

  it('logs one line per request without query strings or header values; runs appTerminate on close', async () => {
    await get('/api/items/3?code=supersecretcode', { 'x-functions-key': 'headersecretvalue' });
    const line = /^GET \/api\/items\/3 200 \d+ms$/;
    await waitFor(() => io.messages.some((m) => line.test(m.message)));
    const text = JSON.stringify(io.messages);
    expect(io.messages.some((m) => m.message === '[getItem] getting 3 (log hook saw getItem)')).toBe(true);
    expect(text).not.toContain('supersecretcode');
    expect(text).not.toContain('headersecretvalue');
    await host.close();
    expect(existsSync(hookFile)).toBe(true);
  });
});
