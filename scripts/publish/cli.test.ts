/**
 * `connectorkit publish` as a user runs it (child process, EnvironmentCredential against the token double, the
 * connector secret from CK_CONNECTOR_CLIENT_SECRET): plan of a first publish, apply, plan of a no-op.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { secretsInFiles } from '../testing/deploy-harness';
import { CLIENT_ID, CLIENT_SECRET, CONNECTOR_SECRET, TENANT, startPublishDoubles, type PublishDoubles } from '../testing/publish-harness';

const BIN = path.resolve(__dirname, '../bin/connectorkit.cjs');

describe('connectorkit publish (CLI, child process)', () => {
  let d: PublishDoubles;
  const captured: string[] = [];
  const cli = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const env = {
        ...process.env,
        AZURE_TENANT_ID: TENANT,
        AZURE_CLIENT_ID: CLIENT_ID,
        AZURE_CLIENT_SECRET: CLIENT_SECRET,
        CK_CONNECTOR_CLIENT_SECRET: CONNECTOR_SECRET,
        CONNECTORKIT_DEPLOY__RETRY: JSON.stringify({ attempts: 6, baseDelayMs: 1, maxDelayMs: 5, pollIntervalMs: 0, lroTimeoutMs: 30000 }),
        NO_COLOR: '1',
      };
      execFile(process.execPath, [BIN, 'publish', '--env', 'test', '--auth', 'env', ...args], { cwd: d.root, env, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
        captured.push(stdout, stderr);
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
  beforeAll(async () => {
    d = await startPublishDoubles();
  });
  afterAll(async () => {
    try {
      for (const s of d.secrets()) expect(captured.join('\n')).not.toContain(s);
      expect(secretsInFiles(d.root, d.secrets())).toEqual([]);
      expect(d.violations()).toEqual([]);
    } finally {
      await d.close();
    }
  });

  it('plans a first publish, refuses to apply without --yes, applies, then plans a no-op', async () => {
    const plan = await cli('--plan');
    expect(plan.code).toBe(0);
    if (process.env.CK_PRINT_PLANS) process.stderr.write(`\n${plan.stdout}\n`);
    expect(plan.stdout).toContain(`Publish plan for "test" → ${d.dv.url}, solution ContosoHR`);
    expect(plan.stdout).toMatch(/\+ create connector ck_employeedirectory in solution ContosoHR/);
    expect(plan.stdout).toContain('web.redirectUris: + https://global.consent.azure-apim.net/redirect/(known after apply)');
    expect(plan.stdout).toContain('Plan: 1 to create, 1 to update, 0 to delete, 0 unchanged.');
    const refused = await cli('--json');
    expect([refused.code, JSON.parse(refused.stdout).error.code]).toEqual([1, 'CK_PUBLISH_CONFIRM_REQUIRED']);
    expect(d.writes()).toEqual({ dataverse: 0, graph: 0 });

    const applied = await cli('--yes', '--json');
    expect(applied.code).toBe(0);
    const result = JSON.parse(applied.stdout).result;
    const id = String(d.dv.state.connectors[0]!.connectorinternalid);
    expect(result.connector).toMatchObject({ name: 'ck_employeedirectory', internalId: id, redirectUri: `https://global.consent.azure-apim.net/redirect/${id}` });

    const noop = await cli('--plan');
    if (process.env.CK_PRINT_PLANS) process.stderr.write(`\n${noop.stdout}\n`);
    expect(noop.stdout).toContain('Plan: 0 to create, 0 to update, 0 to delete, 2 unchanged.');
    const writes = d.writes();
    expect((await cli('--yes')).code).toBe(0);
    expect(d.writes()).toEqual(writes);
  }, 120_000);
});
