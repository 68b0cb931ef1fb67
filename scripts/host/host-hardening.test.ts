/**
 * Hostile input at the local host: malformed and foreign Host headers, prototype names as paths, requests before
 * the app is loaded, bodies over the limit in streaming mode, and what reaches the log (never a query string or a
 * credential, request values escaped).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RecordingIoHost } from '../core/io';
import { startHost, type HostHandle } from './index';
import { request, tmpApp } from '../testing/host-helpers';

const APPS = path.join(__dirname, 'testdata', 'apps');
const SPEC = path.join(__dirname, 'testdata', 'swagger.json');
const SECRETS = ['SECRET_QUERY_CODE', 'SECRET_ACCESS_TOKEN', 'SECRET_BEARER', 'SECRET_FUNCTION_KEY'];

/** A request with exactly this Host header (or none), query secrets and credential headers. */
function withHost(url: string, host: string | undefined, p: string, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; json: () => any }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: 'Bearer SECRET_BEARER', 'x-functions-key': 'SECRET_FUNCTION_KEY' };
    if (host !== undefined) headers.host = host;
    const r = http.request({ host: u.hostname, port: u.port, path: `${p}?code=SECRET_QUERY_CODE&access_token=SECRET_ACCESS_TOKEN`, method, headers, setHost: false, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: () => JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    r.on('error', reject);
    r.end();
  });
}

describe('Host header', () => {
  let host: HostHandle;
  const io = new RecordingIoHost();
  beforeAll(async () => {
    host = await startHost({ appDir: path.join(APPS, 'basic'), port: 0, io, specFile: SPEC, allowedHosts: ['dev.contoso.test'] });
  });
  afterAll(() => host?.close());

  it('a malformed Host is 400 on functions, swagger.json and unknown routes, and the log holds no query or credential', async () => {
    for (const bad of ['a b', 'x@y:1', '[::1', '127.0.0.1:99999', '', 'localhost:', 'local\thost', '127.0.0.1:7071:1']) {
      for (const p of ['/api/items/1', '/api/swagger.json', '/api/nope', '/api/echo/x']) {
        const r = await withHost(host.url, bad, p);
        expect([bad, p, r.status, r.json().error.code]).toEqual([bad, p, 400, 'CK_HOST_INVALID_HOST_HEADER']);
      }
    }
    const all = JSON.stringify(io.messages);
    for (const s of SECRETS) expect(all).not.toContain(s);
    expect(all).not.toContain('?');
  });

  it('accepts only loopback names (and the configured allowedHosts) for URLs it builds: DNS rebinding gets 400', async () => {
    for (const evil of ['evil.example', 'evil.example:80', '10.0.0.5', '127.0.0.1.nip.io', 'localhost.evil.example']) {
      for (const p of ['/api/echo/x', '/api/swagger.json']) {
        const r = await withHost(host.url, evil, p);
        expect([evil, p, r.status, r.json().error.code]).toEqual([evil, p, 400, 'CK_HOST_HOST_NOT_ALLOWED']);
      }
    }
    for (const ok of [
      `localhost:${host.port}`,
      `127.0.0.1:${host.port}`,
      `127.1.2.3:${host.port}`,
      `[::1]:${host.port}`,
      `app.localhost:${host.port}`,
      'LOCALHOST',
      'dev.contoso.test',
      'DEV.contoso.test:8443',
    ]) {
      const echo = await withHost(host.url, ok, '/api/echo/x');
      expect([ok, echo.status]).toEqual([ok, 200]);
      expect(new URL(echo.json().url).host).toBe(new URL(`http://${ok}`).host);
      const spec = await withHost(host.url, ok, '/api/swagger.json');
      expect(spec.json().host).toBe(new URL(`http://${ok}`).host);
    }
    // HTTP/1.0 may omit Host: URLs then use the host's own address.
    const raw = await new Promise<string>((resolve, reject) => {
      const s = net.connect(host.port, '127.0.0.1', () => s.write('GET /api/echo/x HTTP/1.0\r\n\r\n'));
      let text = '';
      s.on('data', (d) => (text += d.toString('utf8')));
      s.on('end', () => resolve(text));
      s.on('error', reject);
    });
    expect(raw.slice(0, 12)).toBe('HTTP/1.1 200');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).url).toBe(`${host.url}/api/echo/x`);
  });

  it('allowedHosts ["*"] accepts any well-formed name (still 400 for a malformed one)', async () => {
    const open = await startHost({ appDir: path.join(APPS, 'basic'), port: 0, io: new RecordingIoHost(), allowedHosts: ['*'] });
    try {
      expect((await withHost(open.url, 'anything.example', '/api/echo/x')).status).toBe(200);
      expect((await withHost(open.url, 'a b', '/api/echo/x')).status).toBe(400);
    } finally {
      await open.close();
    }
  });
});

describe('docs paths', () => {
  let host: HostHandle;
  beforeAll(async () => {
    host = await startHost({ appDir: path.join(APPS, 'basic'), port: 0, io: new RecordingIoHost(), specFile: SPEC });
  });
  afterAll(() => host?.close());

  it('prototype names under /docs/ are 404, not 500', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable', 'toLocaleString']) {
      const r = await request(`${host.url}/api/docs/${name}`);
      expect([name, r.status]).toEqual([name, 404]);
    }
    expect((await request(`${host.url}/api/docs/swagger-ui.css`)).status).toBe(200);
  });
});

describe('before the app is loaded', () => {
  it('answers 503 with Retry-After (also /admin/host/status) and keeps running', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'ck-host-ready-'));
    const gate = path.join(work, 'gate');
    const dir = tmpApp(`const fs = require('node:fs');
app.hook.appStart(async () => { await new Promise((r) => { const t = setInterval(() => { if (fs.existsSync(process.env.GATE_FILE)) { clearInterval(t); r(); } }, 5); }); });
app.http('ready', { route: 'ready', handler: async () => ({ body: 'ready' }) });`);
    let listening!: (url: string) => void;
    const urlKnown = new Promise<string>((r) => (listening = r));
    const started = startHost({ appDir: dir, port: 0, io: new RecordingIoHost(), env: { GATE_FILE: gate }, onListening: (url) => listening(url) });
    const url = await urlKnown;
    for (const p of ['/admin/host/status', '/api/ready', '/api/swagger.json', '/']) {
      const r = await request(url + p);
      expect([p, r.status, r.headers['retry-after'], r.json().error.code]).toEqual([p, 503, '1', 'CK_HOST_NOT_READY']);
    }
    writeFileSync(gate, '');
    const h = await started;
    try {
      expect((await request(`${h.url}/api/ready`)).text).toBe('ready');
      expect((await request(`${h.url}/admin/host/status`)).json()).toMatchObject({ state: 'Running' });
    } finally {
      await h.close();
    }
  });
});

describe('body limit in streaming mode', () => {
  it('a chunked body over the limit is cut off with 413 and the one error shape', async () => {
    const io = new RecordingIoHost();
    const h = await startHost({ appDir: path.join(APPS, 'stream'), port: 0, io, env: { FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: '1024' } });
    try {
      const ok = await request(`${h.url}/api/s/1`, { method: 'POST', body: 'x'.repeat(1024), chunked: true, headers: { 'transfer-encoding': 'chunked' } });
      expect([ok.status, ok.json().body.length]).toEqual([200, 1024]);
      const big = await request(`${h.url}/api/s/2`, { method: 'POST', body: 'x'.repeat(5000), chunked: true, headers: { 'transfer-encoding': 'chunked' } });
      expect(big.status).toBe(413);
      expect(big.json()).toEqual({ error: expect.objectContaining({ code: 'CK_HOST_BODY_TOO_LARGE', message: expect.stringContaining('1024') }) });
    } finally {
      await h.close();
    }
  });
});
