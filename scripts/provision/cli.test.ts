/**
 * The real `connectorkit provision` CLI against the doubles: --plan --json writes nothing, a plan with changes
 * needs --yes, and an API Management creation interrupted by a killed process is resumed by the next run (polled,
 * never created twice).
 */
import { spawn, execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { cliEnv, type Doubles } from '../testing/deploy-harness';
import { pendingFile } from './steps-apim';
import { startEmptyDoubles, makeEmptyProject, NAMES } from '../testing/provision-harness';

const BIN = path.resolve(__dirname, '../bin/connectorkit.cjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function env(pollIntervalMs = 0): NodeJS.ProcessEnv {
  return { ...cliEnv(), CONNECTORKIT_DEPLOY__RETRY: JSON.stringify({ attempts: 8, baseDelayMs: 1, maxDelayMs: 5, pollIntervalMs, lroTimeoutMs: 60_000 }) };
}

function cli(root: string, args: string[], e = env()): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: root, env: e, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const servicePuts = (d: Doubles) => d.arm.requests.filter((r) => r.method === 'PUT' && /\/service\/[^/]+$/i.test(r.path.split('?')[0]!));

describe('connectorkit provision (CLI)', () => {
  let d: Doubles;
  let root: string;
  beforeAll(async () => {
    d = await startEmptyDoubles({ arm: { apimServicePolls: 60 } });
    root = makeEmptyProject(d);
  });
  afterAll(() => d.close());
  afterEach(() => expect(d.violations()).toEqual([]));

  it('--plan --json writes nothing; without --yes a plan with changes stops with a coded error', async () => {
    const plan = await cli(root, ['provision', '--env', 'test', '--auth', 'env', '--plan', '--json']);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({ ok: true, result: { planOnly: true, summary: { create: 12 }, names: { functionApp: NAMES.functionApp } } });
    const refused = await cli(root, ['provision', '--env', 'test', '--auth', 'env', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'CK_PROVISION_CONFIRM_REQUIRED' } });
    expect(d.writes()).toEqual({ arm: 0, graph: 0, scm: 0 });
  }, 120_000);

  it('an interrupted API Management creation is resumed by the next run, not created again', async () => {
    const file = pendingFile(root, 'test');
    // First run: killed as soon as Azure has accepted the APIM create (the pending record is on disk).
    const child = spawn(process.execPath, [BIN, 'provision', '--env', 'test', '--auth', 'env', '--yes'], { cwd: root, env: env(25), stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const t0 = Date.now();
    while (!existsSync(file) && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    const record = JSON.parse(readFileSync(file, 'utf8')) as { apim: { id: string; startedAt: string; operation: string } };
    expect(record.apim).toMatchObject({ operation: 'create', id: expect.stringContaining(`/service/${NAMES.apimService}`) });
    expect(d.arm.state.resources('Microsoft.ApiManagement/service')[0]?.properties.provisioningState).not.toBe('Succeeded');
    expect(servicePuts(d)).toHaveLength(1);

    const plan = await cli(root, ['provision', '--env', 'test', '--auth', 'env', '--plan']);
    expect(plan.stdout).toContain(`API Management service ${NAMES.apimService}  — `);
    expect(plan.stdout).toMatch(new RegExp(`since ${record.apim.startedAt.replace(/[.]/g, '\\.')}: resuming \\(polls the pending operation, no new create\\)`));
    const resumed = await cli(root, ['provision', '--env', 'test', '--auth', 'env', '--yes'], env(5));
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/API Management service .*: (Activating|Created)/);
    expect(servicePuts(d)).toHaveLength(1);
    expect(d.arm.state.resources('Microsoft.ApiManagement/service')[0]?.properties.provisioningState).toBe('Succeeded');
    expect(existsSync(file)).toBe(false);
    const writes = d.writes();
    const noop = await cli(root, ['provision', '--env', 'test', '--auth', 'env', '--yes', '--json']);
    expect(JSON.parse(noop.stdout)).toMatchObject({ ok: true, result: { summary: { create: 0, update: 0, 'no-op': 12 } } });
    expect(d.writes()).toEqual(writes);
  }, 180_000);

  it('up --plan shows provision and deploy in one plan; up --yes deploys onto what provision made; a second up writes nothing', async () => {
    const plan = await cli(root, ['up', '--env', 'test', '--auth', 'env', '--plan']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Plan for environment "test" (nothing was written):');
    expect(plan.stdout).toContain(`= no-op  Function App ${NAMES.functionApp}\n`);
    expect(plan.stdout).toMatch(/\+ create Entra app ck-test-employees-api/);
    const applied = await cli(root, ['up', '--env', 'test', '--auth', 'env', '--yes', '--json']);
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ ok: true, result: { planOnly: false, outputs: { host: `${NAMES.apimService}.azure-api.net` } } });
    const writes = d.writes();
    const again = await cli(root, ['up', '--env', 'test', '--auth', 'env', '--yes', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, result: { summary: { create: 0, update: 0, delete: 0 } } });
    expect(d.writes()).toEqual(writes);
  }, 180_000);
});
