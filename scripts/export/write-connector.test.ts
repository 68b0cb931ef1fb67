import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as yauzl from 'yauzl';
import { RecordingIoHost } from '../core/io';
import { catchCkError } from '../testing/catch-ck-error';
import { loadConfig } from '../config';
import { buildConnector } from './build-connector';
import { writeConnector } from './write-connector';
import { runExport } from './run-export';
import { readDeployOutputs } from './deploy-outputs';
import { FIXTURE_DEPLOY, TESTDATA, fixtureConfig, fixtureSpec } from './testdata/fixture';
import type { ConnectorFolder } from './types';

const NONE = { level: 'none' as const };
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'ck-export-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fresh = (): ConnectorFolder => buildConnector({ spec: fixtureSpec(), config: fixtureConfig() });
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]),
  );

describe('writeConnector', () => {
  it('writes every file the first time and nothing the second time', async () => {
    const dir = path.join(tmp, 'first');
    const a = await writeConnector(dir, fresh(), NONE);
    expect(a.changed.sort()).toEqual(Object.keys(fresh().files).sort());
    const b = await writeConnector(dir, fresh(), NONE);
    expect(b.changed).toEqual([]);
    expect(b.unchanged.length).toBe(5);
    expect(b.breaking).toEqual([]);
  });

  it('stops on a breaking change and leaves the folder untouched; --allow-breaking lets it through', async () => {
    const dir = path.join(tmp, 'breaking');
    await writeConnector(dir, fresh(), NONE);
    const before = snapshot(dir);
    const spec = fixtureSpec();
    delete spec.paths['/employees/{id}'].delete;
    spec.paths['/employees'].get.parameters[0].in = 'header';
    const next = buildConnector({ spec, config: fixtureConfig() });
    const e = await catchCkError(() => writeConnector(dir, next, NONE));
    expect(e.code).toBe('CK_EXPORT_BREAKING_CHANGES');
    expect(e.source).toBe('user');
    expect(e.details!.map((d) => `${d.code} ${d.target}`).sort()).toEqual([
      'operation-deleted DeleteEmployee operation/DeleteEmployee',
      'parameter-location-changed ListEmployees /paths/~1employees/get/parameters/0',
    ]);
    expect(snapshot(dir)).toEqual(before);
    const r = await writeConnector(dir, next, { ...NONE, allowBreaking: true });
    expect(r.breaking.map((b) => b.kind).sort()).toEqual(['operation-deleted', 'parameter-location-changed']);
    expect(r.changed).toContain('apiDefinition.swagger.json');
  });

  it('summarises non-breaking changes', async () => {
    const dir = path.join(tmp, 'summary');
    await writeConnector(dir, fresh(), NONE);
    const spec = fixtureSpec();
    spec.paths['/employees'].get.summary = 'List all employees';
    const r = await writeConnector(dir, buildConnector({ spec, config: fixtureConfig() }), NONE);
    expect(r.summary.map((c) => `${c.kind}:${c.operationId}`)).toEqual(['doc-changed:ListEmployees']);
  });

  it('a failing write leaves the old folder as it was (atomic)', async () => {
    const dir = path.join(tmp, 'atomic');
    await writeConnector(dir, fresh(), NONE);
    const before = snapshot(dir);
    const broken = fresh();
    broken.files['apiProperties.json'] = '{"changed": true}\n';
    broken.files['readme.md/impossible'] = 'a file below a file cannot be created';
    const e = await catchCkError(() => writeConnector(dir, broken, NONE));
    expect(e.code).toBe('CK_FS_WRITE_FAILED');
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(tmp).filter((f) => f.startsWith('.atomic'))).toEqual([]);
  });

  it('--zip writes a deterministic zip of the folder', async () => {
    const dir = path.join(tmp, 'zipped');
    const r1 = await writeConnector(dir, fresh(), { ...NONE, zip: true });
    const z1 = readFileSync(r1.zipFile!);
    rmSync(r1.zipFile!);
    const r2 = await writeConnector(dir, fresh(), { ...NONE, zip: path.join(tmp, 'other.zip') });
    expect(readFileSync(r2.zipFile!).equals(z1)).toBe(true);
    const names = await new Promise<string[]>((resolve, reject) =>
      yauzl.fromBuffer(z1, { lazyEntries: false }, (err, zf) => {
        if (err || !zf) return reject(err);
        const out: string[] = [];
        zf.on('entry', (en: yauzl.Entry) => out.push(en.fileName));
        zf.on('end', () => resolve(out));
      }),
    );
    expect(names).toEqual(['apiDefinition.swagger.json', 'apiProperties.json', 'icon.png', 'readme.md', 'settings.json']);
  });
});

describe('runExport (project on disk)', () => {
  let root: string;
  beforeAll(() => {
    root = path.join(tmp, 'project');
    mkdirSync(root, { recursive: true });
    const cfg = JSON.parse(readFileSync(path.join(TESTDATA, 'config.json'), 'utf8'));
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'p', connectorkit: cfg }));
  });

  it('without dist/swagger.json: CK_INPUT_NOT_FOUND telling to run build', async () => {
    const e = await catchCkError(() => runExport(loadConfig({ cwd: root, env: {} }), new RecordingIoHost(), NONE));
    expect(e.code).toBe('CK_INPUT_NOT_FOUND');
    expect(e.hint).toContain('connectorkit build');
  });

  it('uses the newest deploy outputs, or the one named by --env', async () => {
    mkdirSync(path.join(root, 'dist'), { recursive: true });
    writeFileSync(path.join(root, 'dist', 'swagger.json'), JSON.stringify(fixtureSpec()));
    const io = new RecordingIoHost();
    const local = await runExport(loadConfig({ cwd: root, env: {} }), io, NONE);
    expect(local.placeholders).toEqual(['host', 'clientId', 'resourceUri']);
    expect(io.codes()).toContain('CK_EXPORT_LOCAL_PLACEHOLDERS');

    const ck = path.join(root, '.connectorkit');
    mkdirSync(ck, { recursive: true });
    writeFileSync(path.join(ck, 'deploy-dev.json'), JSON.stringify({ ...FIXTURE_DEPLOY, host: 'dev-apim.azure-api.net' }));
    writeFileSync(path.join(ck, 'deploy-prod.json'), JSON.stringify(FIXTURE_DEPLOY));
    utimesSync(path.join(ck, 'deploy-dev.json'), new Date(1_000_000_000_000), new Date(1_000_000_000_000));
    expect(readDeployOutputs(root)!.env).toBe('prod');
    const prod = await runExport(loadConfig({ cwd: root, env: {} }), new RecordingIoHost(), { ...NONE, allowBreaking: true });
    expect(prod.env).toBe('prod');
    expect(JSON.parse(readFileSync(path.join(root, 'connector', 'apiDefinition.swagger.json'), 'utf8')).host).toBe(FIXTURE_DEPLOY.host);
    const dev = await runExport(loadConfig({ cwd: root, env: {} }), new RecordingIoHost(), { ...NONE, env: 'dev' });
    expect(dev.env).toBe('dev');
    expect(dev.changed).toEqual(['apiDefinition.swagger.json']);
    expect((await catchCkError(() => runExport(loadConfig({ cwd: root, env: {} }), new RecordingIoHost(), { ...NONE, env: 'qa' }))).code).toBe('CK_INPUT_NOT_FOUND');
    writeFileSync(path.join(ck, 'deploy-bad.json'), JSON.stringify({ host: 'x' }));
    expect((await catchCkError(() => runExport(loadConfig({ cwd: root, env: {} }), new RecordingIoHost(), { ...NONE, env: 'bad' }))).code).toBe('CK_EXPORT_DEPLOY_OUTPUTS_INVALID');
    expect(existsSync(path.join(root, 'connector', 'icon.png'))).toBe(true);
  });
});

describe('validation before writing', () => {
  it('validator errors stop the write (CK_EXPORT_VALIDATION_FAILED) and nothing is created', async () => {
    const dir = path.join(tmp, 'invalid');
    const folder = buildConnector({ spec: fixtureSpec(), config: fixtureConfig({ api: { host: 'localhost:7071' } }) });
    const e = await catchCkError(() => writeConnector(dir, folder));
    expect(e.code).toBe('CK_EXPORT_VALIDATION_FAILED');
    expect(e.details!.map((d) => `${d.code} ${d.target}`)).toContain('CkProductionHost apiDefinition.swagger.json#/host');
    expect(existsSync(dir)).toBe(false);
    const ok = await writeConnector(dir, folder, { level: 'platform' });
    expect(ok.validated).toBe(true);
  });

  it('a valid folder is validated at certification level by default', async () => {
    const r = await writeConnector(path.join(tmp, 'valid'), fresh());
    expect(r.validated).toBe(true);
    expect(r.warnings).toEqual([]);
  });
});
