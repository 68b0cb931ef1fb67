/**
 * Preflight (issue 8, items 13–16): with --yes a deploy reads its whole plan before the first write, so a missing
 * prerequisite, a wrong subscription or an unconfirmed breaking change writes nothing; the product is read; 409s
 * that outlast the retries are CK_DEPLOY_TRANSIENT_EXHAUSTED; LRO polls wait for Retry-After; a custom cloud takes
 * its v1 issuer from the metadata and the connector signs in at the environment's authority.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useDoubles, makeProject, deployOptions, recordedDeploy, startDoubles, SVC, APP, RG, TENANT } from '../testing/deploy-harness';

const NONE = { arm: 0, graph: 0, scm: 0 };

describe('preflight: nothing is written before the plan has read everything', () => {
  const h = useDoubles({ check: true });
  const variant = (env: Record<string, unknown>) => makeProject(h.d, env);

  it.each([
    ['a missing APIM service', { apimService: 'apim-does-not-exist' }, 'CK_DEPLOY_RESOURCE_NOT_FOUND', /apimService/],
    ['a missing Function App', { functionApp: 'func-does-not-exist' }, 'CK_DEPLOY_RESOURCE_NOT_FOUND', /functionApp/],
    // ARM's own words ("Resource group 'x' could not be found.", ResourceGroupNotFound) and a hint naming the env key.
    ['a missing resource group', { resourceGroup: 'rg-does-not-exist' }, 'CK_DEPLOY_RESOURCE_NOT_FOUND', /ResourceGroupNotFound[\s\S]*key resourceGroup/],
    ['a wrong subscription', { subscriptionId: '00000000-0000-4000-8000-000000000bad' }, 'CK_DEPLOY_RESOURCE_NOT_FOUND', /subscription/i],
    ['a missing APIM product', { product: 'no-such-product' }, 'CK_DEPLOY_RESOURCE_NOT_FOUND', /product/],
  ])('%s with --yes stops with zero writes', async (_what, env, code, hint) => {
    const root = variant(env);
    const before = h.d.writes();
    const err = await recordedDeploy(deployOptions(root, false), h.sink).catch((e: unknown) => e);
    expect(err).toMatchObject({ code });
    expect(`${(err as Error).message} ${(err as { hint?: string }).hint}`).toMatch(hint);
    expect(h.d.writes()).toEqual(before);
    expect(before).toEqual(NONE);
  });

  it('--plan reads the product and reports its absence instead of "+ create … ∋ API"', async () => {
    const root = variant({ product: 'no-such-product' });
    const err = await recordedDeploy(deployOptions(root, true), h.sink).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CK_DEPLOY_RESOURCE_NOT_FOUND', target: 'infra/environments/test.json#product' });
    expect(String((err as Error).message)).toContain('APIM product no-such-product does not exist');
    expect(h.d.arm.requests.some((r) => r.method === 'GET' && /\/products\/no-such-product$/.test(r.path))).toBe(true);
  });

  it('409 PessimisticConcurrencyConflict that outlasts the retries is CK_DEPLOY_TRANSIENT_EXHAUSTED', async () => {
    const root = variant({});
    h.d.arm.inject({ kind: 'conflict', method: 'PUT', path: '/backends/', times: 50 });
    try {
      const o = deployOptions(root, false, { skipExport: true });
      await expect(recordedDeploy({ ...o, retry: { ...o.retry, attempts: 3 } }, h.sink)).rejects.toMatchObject({ code: 'CK_DEPLOY_TRANSIENT_EXHAUSTED' });
    } finally {
      h.d.arm.reset();
      h.d.arm.seed({
        apimServices: [{ resourceGroup: RG, name: SVC }],
        sites: [{ resourceGroup: RG, name: APP, flex: true, hostKeys: { masterKey: 'fnkey-master-Yh27Tg5rE4wQ9aS1', functionKeys: { default: 'fnkey-default-Zx81Qw0pL3mN7vB2' } } }],
      });
    }
  });
});

describe('preflight: the connector export level', () => {
  const h = useDoubles({ check: true });

  it('connector metadata the export level needs but the config lacks stops the run before any write', async () => {
    const root = makeProject(h.d, {});
    const pkgFile = path.join(root, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    delete pkg.connectorkit.connector.publisher;
    writeFileSync(pkgFile, JSON.stringify(pkg));
    const before = h.d.writes();
    const err = await recordedDeploy(deployOptions(root, false), h.sink).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CK_EXPORT_CONFIG_INCOMPLETE', target: 'connector.publisher' });
    expect(h.d.writes()).toEqual(before);
    // At level platform (connector.level) the same config deploys: custom connectors need no certification metadata.
    pkg.connectorkit.connector.level = 'platform';
    writeFileSync(pkgFile, JSON.stringify(pkg));
    const r = await recordedDeploy(deployOptions(root, false), h.sink);
    expect(r.connector?.validation?.errors).toBe(0);
  });
});

describe('custom cloud: issuer and sign-in authority', () => {
  const h = useDoubles({ check: true });

  const policyOf = () => String(h.d.arm.state.get(`${h.d.arm.ids.service(RG, SVC)}/apis/employees/policies/policy`)?.properties.value ?? '');

  it("the policy's v1 issuer is the metadata's (sts.windows.net), the connector's loginUri the env's authority", async () => {
    await recordedDeploy(deployOptions(h.root, false), h.sink);
    expect(policyOf()).toContain(`<issuer>https://sts.windows.net/${TENANT}/</issuer>`);
    expect(policyOf()).not.toContain(`<issuer>${h.d.token.authorityHost}/${TENANT}/</issuer>`);
    const props = JSON.parse(readFileSync(path.join(h.root, 'connector/apiProperties.json'), 'utf8'));
    expect(props.properties.connectionParameters.token.oAuthSettings.customParameters.loginUri.value).toBe(h.d.token.authorityHost);
    const outputs = JSON.parse(readFileSync(path.join(h.root, '.connectorkit/deploy-test.json'), 'utf8'));
    expect(outputs.outputs.loginUri).toBe(h.d.token.authorityHost);
  });

  it('cloud.v1Issuer in the env file wins over the metadata', async () => {
    const file = path.join(h.root, 'infra/environments/test.json');
    const env = JSON.parse(readFileSync(file, 'utf8'));
    env.cloud.v1Issuer = 'https://sts.contoso.example/{tenantId}/';
    writeFileSync(file, JSON.stringify(env));
    const r = await recordedDeploy(deployOptions(h.root, false), h.sink);
    expect(r.changes.filter((c) => c.action !== 'no-op').map((c) => c.resource)).toEqual(['APIM policy of API employees', 'Function App func-contoso-hr app settings']);
    expect(policyOf()).toContain(`<issuer>https://sts.contoso.example/${TENANT}/</issuer>`);
  });
});

describe('long-running operations honour Retry-After', () => {
  it("every poll is held by the deploy's ARM pipeline for the Retry-After of the answer before it", async () => {
    const d = await startDoubles({ lroRetryAfterSeconds: 1 });
    try {
      const root = makeProject(d);
      const o = deployOptions(root, false, { skipExport: true });
      // The pacing policy reads this clock and waits through this sleep. The clock stands still (the two LROs run
      // side by side, and one's wait must not shorten the other's), so each recorded wait is the policy's own decision
      // from the Retry-After it was sent (1 s), not a timer reading.
      const frozen = Date.parse('2026-01-01T00:00:00Z');
      const waits: number[] = [];
      const sleep = async (ms: number) => {
        waits.push(ms);
      };
      await recordedDeploy({ ...o, retry: { ...o.retry, maxDelayMs: 5_000, sleep, now: () => frozen } }, []);
      const log = d.arm.requests;
      // Each LRO: the PUT that started it (Retry-After: 1), then its polls (InProgress answers carry Retry-After: 1).
      const starts = log.filter((r) => r.method === 'PUT' && /\/(apis\/employees|namedValues\/[^/]+)$/.test(r.path));
      expect(starts.length).toBe(2);
      const polls = log.filter((r) => /operationResults/i.test(r.path));
      const ops = [...new Set(polls.map((p) => p.path))];
      expect(ops).toHaveLength(2);
      for (const op of ops) expect(polls.filter((p) => p.path === op).length).toBeGreaterThanOrEqual(2);
      // The SDK alone polls once inside begin*() and again at once in pollUntilDone(), so without the policy the
      // first polls never wait. With it, the policy held as many requests as the double saw polls, each for the
      // full Retry-After (scripts/deploy/lro-pacing.test.ts checks which request each wait holds).
      expect(waits).toEqual(polls.map(() => 1000));
    } finally {
      await d.close();
    }
  });
});
