/**
 * build(): lint errors write nothing, a second build is a cache hit, a changed input invalidates, outputs are the
 * documented set and the zip is deterministic.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import yauzl from 'yauzl';
import { loadConfig } from '../config';
import { RecordingIoHost } from '../core/io';
import { isCkError } from '../core/errors';
import { build } from './build';
import { computeCacheKey, sourceRoots } from './cache';
import { copyFixtureProject } from '../testing/fixture-project';

const FIXTURE = path.join(__dirname, '../routes/testdata/runtime-api');
let dir: string;
const load = () => loadConfig({ cwd: dir, env: {} });

beforeAll(() => {
  dir = copyFixtureProject(FIXTURE, 'ck-build-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function zipEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}

// Each test runs full builds (TypeScript program + type check + esbuild); on a loaded 2-core machine one takes
// well over the default minute. A limit, not a timing assert.
jest.setTimeout(240_000);

describe('build', () => {
  it('a lint error fails with every finding and writes nothing', async () => {
    const bad = path.join(dir, 'functions/controllers/dup-controller.ts');
    writeFileSync(
      bad,
      `import { Controller, Get, Route } from 'tsoa';\n@Route('dup')\nexport class DupController extends Controller {\n  @Get('x')\n  public async getItem(): Promise<void> {}\n}\n@Route('runtime')\nexport class RuntimeThingController extends Controller {\n  @Get()\n  public async listRuntime(): Promise<void> {}\n}\n`,
    );
    const io = new RecordingIoHost();
    try {
      await build(load(), io);
      throw new Error('expected the build to fail');
    } catch (e) {
      expect(isCkError(e) && e.code).toBe('CK_SPEC_LINT_FAILED');
      const err = e as { details: Array<{ code: string; target: string }> };
      expect(err.details.length).toBeGreaterThanOrEqual(2);
      expect(err.details.every((d) => /^functions\/controllers\/[\w-]+\.ts:\d+$/.test(d.target))).toBe(true);
      expect(err.details.map((d) => d.code)).toEqual(expect.arrayContaining(['CK_SPEC_DUPLICATE_OPERATION_ID', 'CK_SPEC_ROUTE_RESERVED']));
    } finally {
      unlinkSync(bad);
    }
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    expect(existsSync(path.join(dir, 'functions/.generated'))).toBe(false);
  });

  it('writes the spec, routes, app folder and a deterministic zip', async () => {
    const r = await build(load(), new RecordingIoHost());
    expect(r.cached).toBe(false);
    expect(r.functions).toBe(12);
    expect(JSON.parse(readFileSync(r.specFile, 'utf8')).swagger).toBe('2.0');
    expect(readFileSync(r.routesFile, 'utf8')).toContain('app.http(op.name');
    const pkg = JSON.parse(readFileSync(path.join(r.appDir, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('main.js');
    expect(pkg.dependencies).toBeUndefined();
    expect(readFileSync(path.join(r.appDir, 'host.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'host.json'), 'utf8'));
    const main = readFileSync(path.join(r.appDir, 'main.js'), 'utf8');
    expect(main).toContain('require("@azure/functions-core")');
    expect(main).toMatch(/sourceMappingURL=main\.js\.map/);
    expect(await zipEntries(r.zipFile)).toEqual(['host.json', 'main.js', 'main.js.map', 'package.json']);
    const zip1 = readFileSync(r.zipFile);
    const again = await build(load(), new RecordingIoHost(), { cache: false });
    expect(again.cached).toBe(false);
    expect(again.written).toEqual([]);
    expect(readFileSync(r.zipFile).equals(zip1)).toBe(true);
  });

  it('a no-change rebuild is a cache hit; a changed input or a touched output invalidates it', async () => {
    const io = new RecordingIoHost();
    const hit = await build(load(), io);
    expect(hit.cached).toBe(true);
    expect(io.steps.map((s) => s.title)).toEqual(['Check build inputs']);

    appendFileSync(path.join(dir, 'functions/models/item.ts'), '\n// touched\n');
    expect((await build(load(), new RecordingIoHost())).cached).toBe(false);
    expect((await build(load(), new RecordingIoHost())).cached).toBe(true);

    writeFileSync(path.join(dir, 'dist/app/main.js'), '// tampered\n');
    const repaired = await build(load(), new RecordingIoHost());
    expect(repaired.cached).toBe(false);
    expect(readFileSync(path.join(dir, 'dist/app/main.js'), 'utf8')).not.toContain('tampered');
  });

  it('the cache key covers config and host.json and ignores the generated folder', async () => {
    const before = await computeCacheKey(load());
    writeFileSync(path.join(dir, 'functions/.generated/other.ts'), '// generated noise\n');
    expect(await computeCacheKey(load())).toBe(before);
    const hostJson = readFileSync(path.join(dir, 'host.json'), 'utf8');
    writeFileSync(path.join(dir, 'host.json'), hostJson.replace('"api"', '"v1"'));
    expect(await computeCacheKey(load())).not.toBe(before);
    writeFileSync(path.join(dir, 'host.json'), hostJson);
    expect(await computeCacheKey(loadConfig({ cwd: dir, env: { CONNECTORKIT_API__TITLE: 'Other' } }))).not.toBe(before);
    expect(sourceRoots(load())).toEqual([path.join(dir, 'functions')]);
  });

  it('source roots are the static base of each glob, extglobs and classes included (picomatch)', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ck-roots-'));
    writeFileSync(
      path.join(root, 'package.json'),
      JSON.stringify({ name: 'p', connectorkit: { entryFile: 'app/index.ts', controllerPathGlobs: ['api/@(v1|v2)/*.ts', 'more/[ab]/**/*.ts', 'one/file.ts'] } }),
    );
    try {
      const roots = sourceRoots(loadConfig({ cwd: root, env: {} }));
      expect(roots).toEqual(['api', 'app', 'more', 'one'].map((r) => path.join(root, r)));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
