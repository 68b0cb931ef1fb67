/** The local host's modes and failure paths: keys, load errors, ESM and streaming apps, reload, docs. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RecordingIoHost } from '../core/io';
import { isCkError } from '../core/errors';
import { startHost, type HostHandle } from './index';
import { bundleFixture, request, tmpApp, waitFor } from '../testing/host-helpers';

const APPS = path.join(__dirname, 'testdata', 'apps');

async function startError(opts: Parameters<typeof startHost>[0]): Promise<{ code: string; message: string; hint: string }> {
  try {
    const h = await startHost(opts);
    await h.close();
  } catch (e) {
    if (isCkError(e)) return e;
    throw e;
  }
  throw new Error('expected startHost to fail');
}

describe('keys with enableAuth', () => {
  let host: HostHandle;
  beforeAll(async () => {
    host = await startHost({ appDir: path.join(APPS, 'basic'), port: 0, io: new RecordingIoHost(), enableAuth: true });
  });
  afterAll(() => host?.close());

  it('checks function and admin levels; the header wins over ?code=', async () => {
    const fk = host.keys.function.reveal();
    const mk = host.keys.master.reveal();
    expect(JSON.stringify(host.keys)).not.toContain(fk); // Secret never serialises
    const url = `${host.url}/api/items/1`;
    const none = await request(url);
    expect(none.status).toBe(401);
    expect(none.json().error.code).toBe('CK_HOST_UNAUTHORIZED');
    expect(none.headers['content-type']).toBe('application/json');
    expect((await request(`${url}?code=${encodeURIComponent(fk)}`)).status).toBe(200);
    expect((await request(url, { headers: { 'x-functions-key': fk } })).status).toBe(200);
    expect((await request(url, { headers: { 'x-functions-key': mk } })).status).toBe(200);
    expect((await request(`${url}?code=${encodeURIComponent(fk)}`, { headers: { 'x-functions-key': 'wrong' } })).status).toBe(401);
    expect((await request(`${url}?code=wrong`, { headers: { 'x-functions-key': fk } })).status).toBe(200);
    expect((await request(url, { method: 'DELETE', headers: { 'x-functions-key': fk } })).status).toBe(401); // admin needs the master key
    expect((await request(url, { method: 'DELETE', headers: { 'x-functions-key': mk } })).status).toBe(202);
    expect((await request(`${host.url}/api/items/recent`)).status).toBe(200); // anonymous
  });
});

describe('load failures', () => {
  const io = new RecordingIoHost();
  it('fails with CK_HOST_NO_FUNCTIONS when nothing registered', async () => {
    const e = await startError({ appDir: path.join(APPS, 'empty'), port: 0, io });
    expect(e.code).toBe('CK_HOST_NO_FUNCTIONS');
  });
  it('explains test mode when the bundle could not see @azure/functions-core', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ck-host-stub-'));
    const stub = path.join(dir, 'no-core.js');
    writeFileSync(stub, "throw new Error('no core here');\n");
    const appDir = bundleFixture(path.join(APPS, 'basic'), { alias: { '@azure/functions-core': stub } });
    const e = await startError({ appDir, port: 0, io });
    expect(e.code).toBe('CK_HOST_NO_FUNCTIONS');
    expect(e.hint).toContain('test mode');
  });
  it('reports a missing entry point and an entry that throws', async () => {
    const missing = mkdtempSync(path.join(tmpdir(), 'ck-host-missing-'));
    expect((await startError({ appDir: missing, port: 0, io })).code).toBe('CK_HOST_ENTRY_NOT_FOUND');
    const throwing = tmpApp("throw new Error('broken entry');");
    const e = await startError({ appDir: throwing, port: 0, io });
    expect(e.code).toBe('CK_HOST_ENTRY_LOAD_FAILED');
    expect(e.message).toContain('broken entry');
  });
  it('rejects unknown constraints, reserved routes and invalid names like the host', async () => {
    const bad = tmpApp("app.http('x', { route: 'x/{id:bogus}', handler: async () => ({}) });");
    const e = await startError({ appDir: bad, port: 0, io });
    expect(e.code).toBe('CK_HOST_ROUTE_INVALID');
    expect(e.message).toContain('unknown constraint "bogus"');
    const reserved = tmpApp("app.http('x', { route: 'administrators/x', handler: async () => ({}) }); app.http('host', { handler: async () => ({}) });");
    const r = await startError({ appDir: reserved, port: 0, io });
    expect(r.code).toBe('CK_HOST_FUNCTION_INVALID');
    expect(r.message).toContain('built-in routes');
    expect(r.message).toContain('"host"');
  });
  it('names a busy port', async () => {
    const h = await startHost({ appDir: path.join(APPS, 'esm'), port: 0, io });
    try {
      expect((await startError({ appDir: path.join(APPS, 'esm'), port: h.port, io })).code).toBe('CK_HOST_PORT_IN_USE');
    } finally {
      await h.close();
    }
  });
});

describe('app shapes', () => {
  const io = new RecordingIoHost();
  it('loads an ESM app through the package.json main glob', async () => {
    const h = await startHost({ appDir: path.join(APPS, 'esm'), port: 0, io });
    try {
      expect(h.functions.map((f) => f.name).sort()).toEqual(['esmHello', 'esmMore']);
      expect((await request(`${h.url}/api/hello/bob`)).text).toBe('hi bob');
      expect((await request(`${h.url}/api/hello`)).text).toBe('hi anon');
      expect((await request(`${h.url}/api/more`)).json()).toEqual({ more: true });
    } finally {
      await h.close();
    }
  });
  it('expands the package.json main glob like the Functions worker (character classes, extglobs)', async () => {
    const dir = tmpApp('');
    const lib = JSON.stringify(require.resolve('@azure/functions'));
    mkdirSync(path.join(dir, 'fn'));
    for (const n of ['a', 'b', 'c']) writeFileSync(path.join(dir, 'fn', `${n}.js`), `require(${lib}).app.http('${n}', { route: '${n}', handler: async () => ({ body: '${n}' }) });\n`);
    for (const main of ['fn/[ab].js', 'fn/@(a|b).js']) {
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ main }));
      const h = await startHost({ appDir: dir, port: 0, io });
      try {
        expect(h.functions.map((f) => f.name).sort()).toEqual(['a', 'b']);
      } finally {
        await h.close();
      }
    }
  });
  it('honours an empty routePrefix', async () => {
    const h = await startHost({
      appDir: tmpApp("app.http('hello', { route: 'hello', handler: async () => ({ body: 'root' }) });", { version: '2.0', extensions: { http: { routePrefix: '' } } }),
      port: 0,
      io,
    });
    try {
      expect((await request(`${h.url}/hello`)).text).toBe('root');
      expect((await request(`${h.url}/api/hello`)).status).toBe(404);
    } finally {
      await h.close();
    }
  });
  it('serves an app in HTTP streaming mode through the library proxy', async () => {
    const h = await startHost({ appDir: path.join(APPS, 'stream'), port: 0, io });
    try {
      expect((await request(`${h.url}/api/s/7?a=1&a=2`)).json()).toEqual({ id: '7', a: ['1', '2'], body: null });
      expect((await request(`${h.url}/api/s/8`, { method: 'POST', body: 'streamed' })).json()).toEqual({ id: '8', a: [], body: 'streamed' });
      expect((await request(`${h.url}/api/snothing`)).status).toBe(204);
    } finally {
      await h.close();
    }
  });
  it('reloads a changed bundle without dropping the port', async () => {
    const dir = tmpApp("app.http('v', { route: 'v', handler: async () => ({ body: 'v1' }) });");
    const h = await startHost({ appDir: dir, port: 0, io });
    try {
      expect((await request(`${h.url}/api/v`)).text).toBe('v1');
      writeFileSync(
        path.join(dir, 'index.js'),
        `const { app } = require(${JSON.stringify(require.resolve('@azure/functions'))});\napp.http('v', { route: 'v', handler: async () => ({ body: 'v2' }) });\napp.http('w', { route: 'w', handler: async () => ({ body: 'w' }) });\n`,
      );
      const fns = await h.reload();
      expect(fns.map((f) => f.name).sort()).toEqual(['v', 'w']);
      expect((await request(`${h.url}/api/v`)).text).toBe('v2');
      writeFileSync(path.join(dir, 'index.js'), 'syntax error here(');
      await expect(h.reload()).rejects.toMatchObject({ code: 'CK_HOST_ENTRY_LOAD_FAILED' });
      expect((await request(`${h.url}/api/w`)).text).toBe('w'); // a failed reload keeps the previous bundle
    } finally {
      await h.close();
    }
  });
});

describe('app settings the host itself reads', () => {
  // The crashing handler never returns: its timer throws while the invocation is still pending, so the worker
  // always dies with the request in flight and the answer is always the 500 (no race between result and crash).
  const CRASH = "app.http('crash', { route: 'crash', handler: async () => { await new Promise(() => setTimeout(() => { throw new Error('async crash'); }, 0)); } });";

  it('disables functions and the homepage; restarts a crashed worker', async () => {
    const io = new RecordingIoHost();
    const dir = tmpApp(`app.http('off', { route: 'off', handler: async () => ({ body: 'off' }) });
app.http('on', { route: 'on', handler: async () => ({ body: 'on' }) });
${CRASH}`);
    const h = await startHost({ appDir: dir, port: 0, io, env: { 'AzureWebJobs.off.Disabled': 'true', AzureWebJobsDisableHomepage: 'true' } });
    try {
      expect((await request(`${h.url}/api/off`)).status).toBe(404);
      expect((await request(`${h.url}/`)).status).toBe(204);
      const crashed = await request(`${h.url}/api/crash`);
      expect(crashed.status).toBe(500);
      expect(crashed.json().error).toMatchObject({ code: 'CK_HOST_FUNCTION_FAILED' });
      expect(crashed.json().error.message).toContain('async crash');
      await waitFor(() => io.messages.some((m) => m.code === 'CK_HOST_WORKER_FAILED' && m.message.includes('async crash')));
      await waitFor(() => io.messages.some((m) => m.message === 'Restarted the app worker.'));
      expect((await request(`${h.url}/api/on`)).text).toBe('on');
    } finally {
      await h.close();
    }
  });

  it('close() during an automatic restart also ends the restarted worker', async () => {
    const io = new RecordingIoHost();
    const work = mkdtempSync(path.join(tmpdir(), 'ck-host-restart-'));
    const logFile = path.join(work, 'lifecycle.log');
    const gate = path.join(work, 'gate');
    // Each worker logs start/end with its own id; a restarted worker (second start) holds its appStart hook
    // until the test opens the gate, so close() deterministically lands while the restart is still loading.
    const dir = tmpApp(`const fs = require('node:fs');
const id = Math.random().toString(36).slice(2);
app.hook.appStart(async () => {
  const restart = fs.existsSync(process.env.LOG_FILE);
  fs.appendFileSync(process.env.LOG_FILE, 'start ' + id + '\\n');
  if (restart) await new Promise((r) => { const t = setInterval(() => { if (fs.existsSync(process.env.GATE_FILE)) { clearInterval(t); r(); } }, 5); });
});
app.hook.appTerminate(() => { fs.appendFileSync(process.env.LOG_FILE, 'end ' + id + '\\n'); });
app.http('on', { route: 'on', handler: async () => ({ body: 'on' }) });
${CRASH}`);
    const lines = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n') : []);
    const h = await startHost({ appDir: dir, port: 0, io, env: { LOG_FILE: logFile, GATE_FILE: gate } });
    expect((await request(`${h.url}/api/crash`)).status).toBe(500);
    await waitFor(() => lines().filter((l) => l.startsWith('start ')).length === 2);
    const restarted = lines()[1]!.slice('start '.length);
    const closed = h.close();
    writeFileSync(gate, '');
    await closed;
    expect(lines()).toContain(`end ${restarted}`);
    expect(io.messages.some((m) => m.message.startsWith('Restart failed'))).toBe(false); // shutting down is not a failure
  });
});

describe('shutdown', () => {
  it('closes idle keep-alive sockets and resolves once requests are done', async () => {
    const h = await startHost({ appDir: path.join(APPS, 'esm'), port: 0, io: new RecordingIoHost() });
    const agent = new http.Agent({ keepAlive: true });
    const socket = await new Promise<Socket>((resolve, reject) => {
      const req = http.get(`${h.url}/api/more`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(req.socket!));
      });
      req.on('error', reject);
    });
    expect(socket.destroyed).toBe(false); // pooled, idle
    const closed = new Promise((r) => socket.once('close', r));
    await h.close();
    await closed;
    await h.close(); // idempotent
    agent.destroy();
  });
});

describe('docs', () => {
  let host: HostHandle;
  beforeAll(async () => {
    host = await startHost({
      appDir: path.join(APPS, 'esm'),
      port: 0,
      io: new RecordingIoHost(),
      specFile: path.join(__dirname, 'testdata', 'swagger.json'),
      docs: { initOAuth: { clientId: 'dev-client' } },
    });
  });
  afterAll(() => host?.close());
  it('serves swagger.json pointed at the local host', async () => {
    const specRes = await request(`${host.url}/api/swagger.json`);
    expect(specRes.headers['content-type']).toBe('application/json');
    const spec = specRes.json();
    expect(spec).toMatchObject({ host: `127.0.0.1:${host.port}`, schemes: ['http'], basePath: '/api', info: { title: 'Fixture API' } });
    const viaLocalhost = (await request(`http://localhost:${host.port}/api/swagger.json`, { headers: { host: `localhost:${host.port}` } })).json();
    expect(viaLocalhost.host).toBe(`localhost:${host.port}`);
  });
  it('serves the Swagger UI page and its assets locally', async () => {
    const page = await request(`${host.url}/api/docs`);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('/api/docs/swagger-ui-bundle.js');
    expect(page.text).toContain('"clientId":"dev-client"');
    expect(page.text).not.toMatch(/https?:\/\/(cdn|unpkg)/);
    const js = await request(`${host.url}/api/docs/swagger-ui-bundle.js`);
    expect(js.status).toBe(200);
    expect(js.body.length).toBeGreaterThan(100000);
    expect((await request(`${host.url}/api/docs/oauth2-redirect.html`)).status).toBe(200);
    expect((await request(`${host.url}/api/docs/../package.json`)).status).toBe(404);
  });
});
