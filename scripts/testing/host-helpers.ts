/** Test helpers for the host tests: a raw HTTP client (exact headers and bodies) and fixture bundling. */
import * as http from 'node:http';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json<T = any>(): T;
}

/** One request over a fresh connection; `headers` may repeat a name (array value) and `body` is sent as-is. */
export function request(url: string, opts: { method?: string; headers?: Record<string, string | string[]>; body?: Buffer | string; chunked?: boolean } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const body = opts.body === undefined ? undefined : Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body);
    const headers: Record<string, string | string[]> = { ...(opts.headers ?? {}) };
    if (body && !opts.chunked) headers['content-length'] = String(body.length);
    const r = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: opts.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const b = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: b, text: b.toString('utf8'), json: () => JSON.parse(b.toString('utf8')) });
      });
    });
    r.on('error', reject);
    if (body) r.write(body);
    r.end();
  });
}

/** Bundles a fixture app the way `connectorkit build` does (CJS, one file, @azure/functions-core external). */
export function bundleFixture(srcDir: string, extra: { alias?: Record<string, string> } = {}): string {
  const out = mkdtempSync(path.join(tmpdir(), 'ck-host-bundle-'));
  const appDir = path.join(out, 'dist', 'app');
  mkdirSync(appDir, { recursive: true });
  buildSync({
    entryPoints: [path.join(srcDir, 'index.js')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@azure/functions-core'],
    outfile: path.join(appDir, 'main.js'),
    logLevel: 'silent',
    alias: extra.alias,
  });
  for (const f of ['host.json', 'local.settings.json']) {
    try {
      copyFileSync(path.join(srcDir, f), path.join(appDir, f));
    } catch {
      /* optional */
    }
  }
  writeFileSync(path.join(appDir, 'package.json'), JSON.stringify({ name: 'bundled', main: 'main.js' }));
  return appDir;
}

/** A throwaway app folder with one entry file; `@azure/functions` is required by absolute path (tmp has no node_modules). */
export function tmpApp(code: string, hostJson: unknown = { version: '2.0' }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-host-app-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ main: 'index.js' }));
  writeFileSync(path.join(dir, 'host.json'), JSON.stringify(hostJson));
  writeFileSync(path.join(dir, 'index.js'), `const { app } = require(${JSON.stringify(require.resolve('@azure/functions'))});\n${code}\n`);
  return dir;
}

/** Polls until `cond` holds (log lines are written on the response's 'finish', which may trail the client). */
export async function waitFor(cond: () => boolean, tries = 1500): Promise<void> {
  for (let i = 0; i < tries && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error('condition not met');
}
