/**
 * The real `connectorkit down` CLI against the doubles: --plan --json lists what goes and what stays and deletes
 * nothing; without --yes it stops with CK_DOWN_CONFIRM_REQUIRED; --yes --json deletes and reports what it kept.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { ciSetup } from '../ci';
import { RecordingIoHost } from '../core/io';
import { loadEnvironment, scrubbing } from '../deploy';
import { CLIENT_ID, CLIENT_SECRET, cliEnv, TENANT, type Doubles } from '../testing/deploy-harness';
import { makeEmptyProject, NAMES, startEmptyDoubles } from '../testing/provision-harness';

const BIN = path.resolve(__dirname, '../bin/connectorkit.cjs');
const TAG = { 'connectorkit-env': 'test' };

function cli(root: string, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: root, env: cliEnv(), maxBuffer: 1 << 24 }, (err, stdout) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout }));
  });
}

describe('connectorkit down (CLI)', () => {
  let d: Doubles;
  let root: string;
  beforeAll(async () => {
    d = await startEmptyDoubles();
    root = makeEmptyProject(d);
    const base = { resourceGroup: NAMES.resourceGroup, location: 'westeurope' };
    d.arm.seed({
      resourceGroups: [{ name: NAMES.resourceGroup, location: 'westeurope', tags: TAG }],
      identities: [{ ...base, name: NAMES.identity, tags: TAG }],
      storageAccounts: [{ ...base, name: NAMES.storageAccount }], // adopted: no tag
    });
  });
  afterAll(() => d.close());
  afterEach(() => expect(d.violations()).toEqual([]));

  it('--plan --json deletes nothing; without --yes it stops with a coded error; --yes deletes and reports what it kept', async () => {
    const plan = await cli(root, ['down', '--env', 'test', '--auth', 'env', '--plan', '--json']);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({
      ok: true,
      result: { planOnly: true, summary: { delete: 1 }, kept: [{ resource: `Resource group ${NAMES.resourceGroup}` }, { resource: `Storage account ${NAMES.storageAccount}` }] },
    });
    const refused = await cli(root, ['down', '--env', 'test', '--auth', 'env', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'CK_DOWN_CONFIRM_REQUIRED' } });
    expect(d.writes().arm).toBe(0);

    const done = await cli(root, ['down', '--env', 'test', '--auth', 'env', '--yes']);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`- delete Managed identity ${NAMES.identity}`);
    expect(done.stdout).toContain(`= Storage account ${NAMES.storageAccount}`);
    expect(d.arm.state.resources().map((e) => e.name)).toEqual([NAMES.resourceGroup, NAMES.storageAccount]);
  }, 60_000);
});

describe('down after ci setup', () => {
  it('lists the CI deploy identity as kept and plans no write to it', async () => {
    const d = await startEmptyDoubles();
    const root = makeEmptyProject(d);
    try {
      const env = loadEnvironment(root, 'test');
      const credential = scrubbing(new ClientSecretCredential(TENANT, CLIENT_ID, CLIENT_SECRET, { authorityHost: env.cloud.authorityHost, disableInstanceDiscovery: true }));
      const retry = { attempts: 8, baseDelayMs: 1, maxDelayMs: 5 };
      await ciSetup({ env, root, repo: 'contoso/hr-api', githubEnvironment: 'test', scope: 'subscription', planOnly: false, credential, retry }, new RecordingIoHost());
      const before = d.writes();
      const plan = await cli(root, ['down', '--env', 'test', '--auth', 'env', '--plan', '--json']);
      expect(plan.code).toBe(0);
      const result = (JSON.parse(plan.stdout) as { result: { kept: Array<{ resource: string; reason: string }>; changes: Array<{ action: string; resource: string }> } }).result;
      const deployApp = `Entra app (CI deploy identity) ${env.entra.apiApp.uniqueName.replace(/-api$/, '')}-deploy`;
      expect(result.kept).toContainEqual({ resource: deployApp, reason: expect.stringContaining('az ad app delete --id') });
      expect(result.changes.filter((c) => c.resource.includes('-deploy') && c.action !== 'no-op')).toEqual([]);
      expect(d.writes()).toEqual(before);
      expect(d.violations()).toEqual([]);
    } finally {
      await d.close();
    }
  }, 120_000);
});
