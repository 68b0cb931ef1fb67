/**
 * A new team's first minutes, end to end (issue 11 "Must show"): `npm pack -w scripts` → `connectorkit init` from
 * the tarball into a temp folder → `npm install` (the tarball and the pinned dev tools; --prefer-offline reuses the
 * cache `npm ci` filled) → in the new project: `connectorkit build`, `tsc --noEmit`, `serve` on a free port, a token
 * from `connectorkit token`, an operation answering 200 with it and 401 without, `export`, and `validate connector
 * --level platform` with 0 errors. A second ordinary tsoa controller is copied in before the build; its operations
 * must be in the spec and answer.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work: string;
let project: string;
let tarball: string;
let serve: ChildProcess | undefined;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeout = 300_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { cwd, timeout, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: 'false', ...env } }, (_e, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout: String(stdout), stderr: String(stderr) }),
    );
  });
}
const ok = (r: Run, what: string): Run => {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}\n${r.stderr.slice(-4000)}\n${r.stdout.slice(-4000)}`);
  return r;
};
/** The installed connectorkit's bin, in the new project. */
const connectorkit = (args: string[], env: NodeJS.ProcessEnv = {}) => run(process.execPath, [path.join(project, 'node_modules/connectorkit/bin/connectorkit.cjs'), ...args], project, env);

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'ck-new-project-'));
  const packed = ok(await run(NPM, ['pack', '-w', 'scripts', '--pack-destination', work, '--json'], ROOT), 'npm pack -w scripts');
  const info = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(work, info[0]!.filename);
  // The tarball's own bin runs init (its dependencies are the same pinned versions as the repository's node_modules).
  const unpacked = path.join(work, 'unpacked');
  mkdirSync(unpacked);
  ok(await run('tar', ['-xzf', tarball, '-C', unpacked], work), 'tar -x');
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(unpacked, 'package', 'node_modules'), 'dir');
  project = path.join(work, 'field-notes');
  ok(await run(process.execPath, [path.join(unpacked, 'package/bin/connectorkit.cjs'), 'init', 'field-notes', '--name', 'Field Notes', '--framework', tarball], work), 'connectorkit init');
  cpSync(path.join(__dirname, 'testdata/tags.ts'), path.join(project, 'functions/controllers/tags.ts'));
  ok(await run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund'], project, {}, 480_000), 'npm install');
}, 900_000);

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    const exited = new Promise((r) => serve!.once('exit', r));
    serve.kill('SIGINT');
    await exited;
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

it('the tarball holds the framework only: no tests, fixtures, test helpers or contract copies', () => {
  const files = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  expect(files).toContain('package/bin/connectorkit.cjs');
  expect(files).toContain('package/runtime/index.ts');
  expect(files.filter((f) => /\.test\.ts$|\/testdata\/|^package\/testing\/|\/contracts\/|__snapshots__/.test(f))).toEqual([]);
});

it('the README states the tarball size and file count (within 20%: they drift as the framework grows)', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = /about \*\*(\d+) kB \((\d+) kB unpacked\) in (\d+) files\*\*/.exec(readme);
  expect(m).not.toBeNull();
  const files = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).length;
  const size = statSync(tarball).size / 1000;
  expect(Math.abs(Number(m![1]) - size) / size).toBeLessThan(0.2);
  expect(Math.abs(Number(m![3]) - files) / files).toBeLessThan(0.2);
});

it('every relative import of a shipped file resolves inside the tarball (nothing reaches for tests, tools or the sample)', () => {
  const root = path.join(work, 'unpacked', 'package');
  const shipped = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(work, 'unpacked', f));
  const broken: string[] = [];
  for (const file of shipped) {
    for (const { fileName: spec } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!spec.startsWith('.')) continue;
      const base = path.resolve(path.dirname(file), spec);
      if (![base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')].some((c) => existsSync(c) && c.startsWith(root))) broken.push(`${path.relative(root, file)} → ${spec}`);
    }
  }
  expect(broken).toEqual([]);
});

it('init wrote the project files and depends on the tarball', () => {
  for (const f of [
    'package.json',
    'tsconfig.json',
    'host.json',
    '.gitignore',
    '.ci/run',
    'README.md',
    'functions/index.ts',
    'functions/controllers/notes.ts',
    'functions/models/note.ts',
    'infra/environments/dev.json',
  ]) {
    expect(existsSync(path.join(project, f))).toBe(true);
  }
  const pkg = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'));
  expect(pkg.dependencies.connectorkit).toMatch(/^file:.*connectorkit-\d+\.\d+\.\d+\.tgz$/);
  expect(pkg.connectorkit.api.title).toBe('Field Notes');
  expect(JSON.parse(readFileSync(path.join(project, 'infra/environments/dev.json'), 'utf8')).api).toEqual({ id: 'field-notes', path: 'field-notes', displayName: 'Field Notes' });
  expect(existsSync(path.join(project, 'connector'))).toBe(false);
});

describe('in the new project', () => {
  let base: string;

  it('builds, and the spec has the operations of both controllers', async () => {
    ok(await connectorkit(['build', '--json'], {}), 'connectorkit build');
    const spec = JSON.parse(readFileSync(path.join(project, 'dist/swagger.json'), 'utf8'));
    const ids = Object.values(spec.paths as Record<string, Record<string, { operationId: string }>>)
      .flatMap((p) => Object.values(p).map((o) => o.operationId))
      .sort();
    expect(ids).toEqual(['GetNote', 'GetTag', 'ListNotes', 'ListTags']);
    expect(spec.info.title).toBe('Field Notes');
  }, 300_000);

  it('type-checks with tsc --noEmit (connectorkit/runtime resolves from the installed package)', async () => {
    ok(await run(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], project), 'tsc --noEmit');
  }, 300_000);

  it('serves: 200 with a token from `connectorkit token`, 401 without; the copied controller answers', async () => {
    serve = spawn(process.execPath, [path.join(project, 'node_modules/connectorkit/bin/connectorkit.cjs'), 'serve', '--no-build', '--port', '0', '--json'], {
      cwd: project,
      env: { ...process.env, CONNECTORKIT_SERVE__ISSUER_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    serve.stderr!.on('data', (d) => (err += String(d)));
    const report = await new Promise<{ result: { url: string } }>((resolve, reject) => {
      serve!.stdout!.on('data', (d) => {
        out += String(d);
        try {
          resolve(JSON.parse(out) as { result: { url: string } });
        } catch {
          // not a whole document yet
        }
      });
      serve!.once('exit', (code) => reject(new Error(`serve exited ${code}\n${err.slice(-4000)}`)));
    });
    base = report.result.url;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    const token = ok(await connectorkit(['token'], {}), 'connectorkit token').stdout.trim();
    const withToken = await fetch(`${base}/api/notes/n1`, { headers: { authorization: `Bearer ${token}` } });
    expect(withToken.status).toBe(200);
    expect(await withToken.json()).toEqual({ id: 'n1', text: 'Hello from your new API.' });
    const without = await fetch(`${base}/api/notes`);
    expect(without.status).toBe(401);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('CK_HTTP_INVALID_TOKEN');
    const tags = await fetch(`${base}/api/tags/welcome`);
    expect(tags.status).toBe(200);
    expect(await tags.json()).toEqual({ name: 'welcome', count: 1 });
  }, 300_000);

  it('exports the connector (no "breaking" findings without a previous connector/) and it validates at level platform', async () => {
    const exported = ok(await connectorkit(['export', '--level', 'platform', '--json']), 'connectorkit export --level platform');
    const result = (JSON.parse(exported.stdout) as { result: { breaking: unknown[] } }).result;
    expect(result.breaking).toEqual([]);
    expect(exported.stderr).not.toMatch(/breaking change/i);
    expect(existsSync(path.join(project, 'connector/apiDefinition.swagger.json'))).toBe(true);
    const r = ok(await connectorkit(['validate', 'connector', '--level', 'platform', '--json'], {}), 'connectorkit validate');
    const doc = JSON.parse(r.stdout) as { ok: boolean; result: { findings: Array<{ severity: string }> } };
    expect(doc.ok).toBe(true);
    expect(doc.result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 300_000);

  it('up --plan on the env file init wrote stops before signing in: fill in the subscription and tenant', async () => {
    const r = await connectorkit(['up', '--env', 'dev', '--plan', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { ok: boolean; error: { code: string; message: string; hint: string; target: string } };
    expect(doc.error.code).toBe('CK_DEPLOY_ENV_PLACEHOLDER');
    expect(doc.error.message).toMatch(/subscriptionId \(.+\) and tenantId \(.+\) are placeholders/);
    expect(doc.error.target).toBe('infra/environments/dev.json#subscriptionId');
    expect(doc.error.hint).toMatch(/az account show/);
  }, 120_000);
});
