/** `serve` orchestration on a prepared project (no build, no dev services): report, try-it line, keys file, shutdown. */
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../config';
import { RecordingIoHost } from '../core/io';
import { checkBuiltApp, serveProject, type ServeReport } from './serve-project';
import { bundleFixture, request, waitFor } from '../testing/host-helpers';
import { copyFixtureProject } from '../testing/fixture-project';
import { appendFileSync, readdirSync, rmSync } from 'node:fs';

function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ck-serve-'));
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'p', connectorkit: { serve: { port: 0 } } }));
  cpSync(bundleFixture(path.join(__dirname, '..', 'host', 'testdata', 'apps', 'basic')), path.join(root, 'dist', 'app'), { recursive: true });
  copyFileSync(path.join(__dirname, '..', 'host', 'testdata', 'swagger.json'), path.join(root, 'dist', 'swagger.json'));
  writeFileSync(path.join(root, 'local.settings.json'), JSON.stringify({ Values: { MY_SETTING: 'project-level' } }));
  return root;
}

describe('serveProject', () => {
  it('reports URLs once listening, serves until the signal, then shuts down', async () => {
    const root = project();
    const io = new RecordingIoHost();
    const ac = new AbortController();
    const done = serveProject(loadConfig({ cwd: root, env: {} }), io, { build: false, devServices: false, enableAuth: true, signal: ac.signal });
    await waitFor(() => io.results.length === 1);
    const r = io.results[0] as ServeReport;
    expect(r.docs).toBe(`${r.apiBase}/docs`);
    expect(r.keysFile).toContain(path.join('.connectorkit', 'host-keys.json'));
    const keys = JSON.parse(readFileSync(path.join(root, '.connectorkit', 'host-keys.json'), 'utf8'));
    expect(r.tryIt).toBe(`curl -i -H "x-functions-key: $(node -p "require('./${r.keysFile}').functionKey")" "${r.apiBase}/items/1"`);
    expect((await request(`${r.apiBase}/items/1`)).status).toBe(401);
    expect((await request(`${r.apiBase}/items/1`, { headers: { 'x-functions-key': keys.functionKey } })).status).toBe(200);
    expect((await request(`${r.apiBase}/env`)).json().my).toBe('project-level'); // the project's local.settings.json
    expect(JSON.stringify(io.messages)).not.toContain(keys.functionKey);
    ac.abort();
    await done;
    await expect(request(`${r.apiBase}/items/1`)).rejects.toThrow();
    expect(existsSync(path.join(root, 'dist', 'app', 'main.js'))).toBe(true);
  });
});

describe('serveProject --no-build without a build', () => {
  it('fails with a coded error pointing at `connectorkit build` before any dev service starts', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ck-serve-nobuild-'));
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'p', connectorkit: { serve: { port: 0, issuerPort: 0 } } }));
    const io = new RecordingIoHost();
    const serve = () => serveProject(loadConfig({ cwd: root, env: {} }), io, { build: false, signal: new AbortController().signal }); // dev services ON
    const e = await serve().catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'CK_HOST_ENTRY_NOT_FOUND', message: `serve --no-build: ${path.join('dist', 'app', 'package.json')} does not exist: the app has not been built.` });
    expect((e as { hint: string }).hint).toBe('Run `connectorkit build` first, or drop --no-build so serve builds before it starts.');
    expect(io.steps).toEqual([]); // neither Azurite nor the issuer was started
    expect(existsSync(path.join(root, '.azurite'))).toBe(false);
    // package.json present but its "main" missing: same code, names the file.
    cpSync(bundleFixture(path.join(__dirname, '..', 'host', 'testdata', 'apps', 'basic')), path.join(root, 'dist', 'app'), { recursive: true });
    rmSync(path.join(root, 'dist', 'app', 'main.js'));
    await expect(serve()).rejects.toMatchObject({ code: 'CK_HOST_ENTRY_NOT_FOUND', message: `serve --no-build: ${path.join('dist', 'app', 'main.js')} (package.json "main") does not exist.` });
    expect(io.steps).toEqual([]);
  });
});

describe('serveProject --watch', () => {
  it('rebuilds and reloads on a source change, keeping the port', async () => {
    const root = copyFixtureProject(path.join(__dirname, '..', 'routes', 'testdata', 'runtime-api'), 'ck-serve-watch-');
    const io = new RecordingIoHost();
    const ac = new AbortController();
    const done = serveProject(loadConfig({ cwd: root, env: {} }), io, { port: 0, build: true, watch: true, devServices: false, signal: ac.signal });
    try {
      await waitFor(() => io.results.length === 1, 9000);
      const r = io.results[0] as ServeReport;
      await waitFor(() => io.messages.some((m) => m.message.startsWith('Watching')));
      const controllers = path.join(root, 'functions', 'controllers');
      appendFileSync(path.join(controllers, readdirSync(controllers)[0]!), '\n// touched by the watch test\n');
      await waitFor(() => io.messages.some((m) => m.message.startsWith('Reloaded:')), 9000);
      expect(io.messages.filter((m) => m.message.startsWith('Reloaded:'))).toHaveLength(1); // .generated writes do not loop
      expect((await request(`${r.url}/`)).status).toBe(200);
    } finally {
      ac.abort();
      await done;
    }
  }, 200000);
});

describe('checkBuiltApp', () => {
  it('treats every glob form of package.json "main" as a glob (picomatch), and names a missing plain file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ck-main-'));
    for (const main of ['fn/[ab].js', 'fn/@(a|b).js', 'fn/*.js', 'fn/{a,b}.js']) {
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ main }));
      expect(() => checkBuiltApp(dir, 'dist/app', false)).not.toThrow();
    }
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ main: 'fn/a.js' }));
    expect(() => checkBuiltApp(dir, 'dist/app', false)).toThrow(/fn\/a\.js \(package\.json "main"\) does not exist/);
  });
});
