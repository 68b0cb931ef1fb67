/**
 * The real CLI as a child process (`node scripts/bin/connectorkit.cjs deploy …`) against the doubles, with
 * EnvironmentCredential (`--auth env`) talking to the token double. Every byte of stdout/stderr (and the --json
 * documents) of every run here and in the library tests is checked for secrets.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RecordingIoHost } from '../core/io';
import { isCkError } from '../core/errors';
import { deploy } from './deploy';
import { startDoubles, makeProject, cliEnv, deployOptions, secretFiles, type Doubles } from '../testing/deploy-harness';

const BIN = path.resolve(__dirname, '../bin/connectorkit.cjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('connectorkit deploy (CLI, child process)', () => {
  let d: Doubles;
  let root: string;
  const captured: string[] = [];
  const cli = (...args: string[]) =>
    new Promise<Run>((resolve) => {
      execFile(process.execPath, [BIN, 'deploy', '--env', 'test', '--auth', 'env', ...args], { cwd: root, env: cliEnv(), maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
        captured.push(stdout, stderr);
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });

  beforeAll(async () => {
    d = await startDoubles();
    root = makeProject(d);
  });
  afterAll(() => d.close());
  // The --client-secret-file target lives outside the project (a separate temp dir); nothing else may hold a secret.
  afterEach(() => expect(secretFiles(d, root)).toEqual([]));

  it('--plan prints every change and writes nothing', async () => {
    const r = await cli('--plan');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Plan for environment "test" (nothing was written):');
    expect(r.stdout).toMatch(/\+ create APIM API employees/);
    expect(r.stdout).toContain('Plan: 11 to create, 0 to update, 0 to delete, 0 unchanged.');
    expect(d.writes()).toEqual({ arm: 0, graph: 0, scm: 0 });
    expect(r.stderr).toContain('credential EnvironmentCredential');
  }, 180_000);

  it('refuses to apply a pending plan without --yes', async () => {
    const r = await cli('--json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: false, error: { code: 'CK_DEPLOY_CONFIRM_REQUIRED' } });
    expect(d.writes()).toEqual({ arm: 0, graph: 0, scm: 0 });
  }, 180_000);

  it('deploys with --yes --json, delivering a new client secret only to the file', async () => {
    const secretFile = path.join(mkdtempSync(path.join(tmpdir(), 'ck-secret-')), 'conn.secret');
    const r = await cli('--yes', '--json', '--create-client-secret', '--client-secret-file', secretFile);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(true);
    expect(doc.result.summary.create).toBe(12);
    expect(readFileSync(secretFile, 'utf8').trim()).toBe(d.graph.issuedSecrets[0]);
    // progress is NDJSON on stderr, one step line per step
    expect(r.stderr.split('\n').filter((l) => l.includes('"type":"step"') && l.includes('"done"')).length).toBeGreaterThan(10);
  }, 180_000);

  it('a no-op redeploy plans all no-op and writes nothing', async () => {
    const plan = await cli('--plan');
    expect(plan.stdout).toContain('Plan: 0 to create, 0 to update, 0 to delete, 11 unchanged.');
    const before = d.writes();
    const r = await cli('--yes');
    expect(r.code).toBe(0);
    expect(d.writes()).toEqual(before);
    expect(r.stdout).toContain('Result: 0 created, 0 updated, 0 deleted, 11 unchanged.');
  }, 180_000);

  it('names the key path and file of a schema error', async () => {
    const env = JSON.parse(readFileSync(path.join(root, 'infra/environments/test.json'), 'utf8'));
    writeFileSync(path.join(root, 'infra/environments/bad.json'), JSON.stringify({ ...env, api: { ...env.api, path: 'a b' }, clientSecret: 'x' }));
    const r = await new Promise<Run>((resolve) =>
      execFile(process.execPath, [BIN, 'deploy', '--env', 'bad', '--plan'], { cwd: root, env: cliEnv() }, (err, stdout, stderr) => {
        captured.push(stdout, stderr);
        resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr });
      }),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CK_DEPLOY_ENV_INVALID');
    expect(r.stderr).toContain('infra/environments/bad.json: api.path must match the pattern');
    expect(r.stderr).toContain('infra/environments/bad.json: clientSecret is not a known key');
  }, 180_000);

  it('maps AuthorizationFailed to the missing role and scope, and a wrong name to its env key', async () => {
    d.arm.setDenyActions(['Microsoft.ApiManagement/service/apis/write']);
    const spec = JSON.parse(readFileSync(path.join(root, 'dist/swagger.json'), 'utf8'));
    spec.info.description = 'changed';
    writeFileSync(path.join(root, 'dist/swagger.json'), JSON.stringify(spec));
    const e1 = await deploy(deployOptions(root, false), new RecordingIoHost()).catch((e: unknown) => e);
    d.arm.setDenyActions([]);
    expect(isCkError(e1) && e1.code).toBe('CK_DEPLOY_AUTHORIZATION_FAILED');
    expect((e1 as Error & { hint: string }).hint).toMatch(/API Management Service Contributor.*\/providers\/Microsoft\.ApiManagement\/service\/apim-contoso-hr/);
    captured.push(JSON.stringify(e1), (e1 as Error).message);
    const opts = deployOptions(root, true);
    const e2 = await deploy({ ...opts, env: { ...opts.env, functionApp: 'func-missing' } }, new RecordingIoHost()).catch((e: unknown) => e);
    expect(isCkError(e2) && e2.code).toBe('CK_DEPLOY_RESOURCE_NOT_FOUND');
    expect((e2 as Error & { hint: string }).hint).toContain('key functionApp in infra/environments/test.json');
    captured.push(JSON.stringify(e2), (e2 as Error).message);
  }, 180_000);

  it('no output of any run contains a secret (function key, client secrets, tokens)', () => {
    const all = captured.join('\n');
    expect(all.length).toBeGreaterThan(1000);
    for (const s of d.secrets()) expect(all).not.toContain(s);
    expect(d.violations()).toEqual([]);
  });
});
