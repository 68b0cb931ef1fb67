/**
 * Variants of the deploy against the doubles: product membership, the second Entra phase (per-connector redirect
 * URL), targeted faults that must be re-read and re-planned (409, 412, failed LRO, a lost Graph create), and the
 * long-running-operation timeout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useDoubles, startDoubles, makeProject, deployOptions, recordedDeploy, secretFiles } from '../testing/deploy-harness';

describe('deploy variants', () => {
  const h = useDoubles({ product: true, env: { product: 'connectors' }, check: true });

  it('survives targeted faults on the first deploy: 409, 412, failed LRO, lost Graph create, throttling', async () => {
    h.d.arm.inject({ kind: 'conflict', method: 'PUT', path: '/backends/' });
    h.d.arm.inject({ kind: 'preconditionFailed', method: 'PUT', path: '/policies/' });
    h.d.arm.inject({ kind: 'lroFailed', method: 'PUT', path: '/apis/employees' });
    h.d.arm.inject({ kind: 'throttle', method: 'GET', path: '/namedValues/', retryAfterSeconds: 0 });
    h.d.scm.inject({ kind: 'lroFailed', method: 'POST', path: '/api/publish' });
    h.d.graph.inject({ kind: 'drop-after-commit', match: /^POST \/v1\.0\/applications$/ });
    const r = await recordedDeploy(deployOptions(h.root, false), h.sink);
    expect(r.retries).toBeGreaterThanOrEqual(5);
    expect(
      h.d.arm
        .faultsFired()
        .map((f) => f.kind)
        .sort(),
    ).toEqual(['conflict', 'lroFailed', 'preconditionFailed', 'throttle']);
    // The lost create was found again by uniqueName, not duplicated.
    expect(h.d.graph.state.applications).toHaveLength(2);
    expect(h.d.scm.current()).toBeDefined();
    const links = h.d.arm.state.resources().filter((e) => /\/products\/connectors\/apis\//i.test(e.id) || /products\/apis/i.test(e.type));
    expect(links.length).toBe(1);
  });

  it('a re-run with the product configured writes nothing', async () => {
    const before = h.d.writes();
    const r = await recordedDeploy(deployOptions(h.root, false), h.sink);
    expect(h.d.writes()).toEqual(before);
    expect(r.changes.find((c) => c.resource.startsWith('APIM product'))?.action).toBe('no-op');
  });

  it('phase two: a known connector id adds its redirect URL and touches only the connector app', async () => {
    const file = path.join(h.root, 'infra/environments/test.json');
    const env = JSON.parse(readFileSync(file, 'utf8'));
    env.entra.connectorIds = ['cr324-5fcontoso-2demployees-5fab12cd34ef567890'];
    writeFileSync(file, JSON.stringify(env));
    const before = h.d.writes();
    const r = await recordedDeploy(deployOptions(h.root, false), h.sink);
    expect(r.changes.filter((c) => c.action !== 'no-op').map((c) => c.resource)).toEqual(['Entra app ck-test-employees-connector (connector client)']);
    expect(h.d.writes()).toEqual({ ...before, graph: before.graph + 1 });
    const conn = h.d.graph.state.applications.find((a) => a.uniqueName === 'ck-test-employees-connector')!;
    expect(conn.web.redirectUris).toEqual(['https://global.consent.azure-apim.net/redirect', 'https://global.consent.azure-apim.net/redirect/cr324-5fcontoso-2demployees-5fab12cd34ef567890']);
  });

  it('a long-running operation that never finishes ends in CK_DEPLOY_TIMEOUT', async () => {
    const spec = JSON.parse(readFileSync(path.join(h.root, 'dist/swagger.json'), 'utf8'));
    spec.info.description = 'slow import';
    writeFileSync(path.join(h.root, 'dist/swagger.json'), JSON.stringify(spec));
    const slow = await startDoubles({ lroPolls: 1_000_000 });
    try {
      const r2 = makeProject(slow);
      const o = deployOptions(r2, false, { skipExport: true });
      await expect(recordedDeploy({ ...o, retry: { ...o.retry, attempts: 1, lroTimeoutMs: 300, pollIntervalMs: 5 } }, h.sink)).rejects.toMatchObject({ code: 'CK_DEPLOY_TIMEOUT' });
      expect(secretFiles(slow, r2)).toEqual([]);
    } finally {
      await slow.close();
    }
  });
});
