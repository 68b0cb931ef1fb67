/**
 * Fault soak: 50 deploys with 20% of ARM, SCM and Graph requests failing (429/503 with Retry-After, 500, 409
 * PessimisticConcurrencyConflict, 412, failed LROs, dropped connections before and after the write). Every deploy
 * must converge (re-running after a failure, as a user would) to the same final state, with no duplicate apps,
 * named values or backends; a fault-free re-run afterwards writes nothing.
 */
import type { FaultKind } from '../testing/doubles-common';
import { startDoubles, makeProject, deployOptions, secretFiles, type Doubles, recordedDeploy, RG, SVC, APP, FUNCTION_KEY, MASTER_KEY } from './testdata/harness';

const ARM_KINDS: FaultKind[] = ['throttle', 'serverError', 'unavailable', 'conflict', 'preconditionFailed', 'lroFailed', 'drop', 'dropAfterWrite'];
const SCM_KINDS: FaultKind[] = ['throttle', 'serverError', 'unavailable', 'conflict', 'lroFailed', 'drop', 'dropAfterWrite'];

/** The deployed state with generated ids replaced by roles, so runs compare equal. */
function finalState(d: Doubles): unknown {
  const apps = d.graph.state.applications;
  const alias = new Map(apps.map((a) => [a.appId, `<${a.uniqueName}>`]));
  const sub = (s: string) => [...alias].reduce((t, [id, name]) => t.split(id).join(name), s);
  const arm = d.arm.state.resources().filter((e) => !/\/(service|sites)\/[^/]+$/.test(e.id));
  return {
    arm: arm.map((e) => ({ id: e.id.replace(/.*\/service\/[^/]+/, ''), props: JSON.parse(sub(JSON.stringify({ ...e.properties, provisioningState: undefined }))) })),
    apps: apps.map((a) => JSON.parse(sub(JSON.stringify({ n: a.uniqueName, uris: a.identifierUris, api: a.api, web: a.web.redirectUris, rra: a.requiredResourceAccess })))).sort((x, y) => x.n.localeCompare(y.n)),
    sps: d.graph.state.servicePrincipals.map((s) => alias.get(s.appId)),
    code: d.scm.current()?.sha256,
  };
}

describe('deploy fault soak', () => {
  let d: Doubles;
  let root: string;
  const sink: string[] = [];
  beforeAll(async () => {
    d = await startDoubles();
    root = makeProject(d);
  });
  afterAll(() => d.close());

  it('50 deploys at a 20% fault rate all converge to one state, without duplicates', async () => {
    const reference = await (async () => {
      await recordedDeploy(deployOptions(root, false), sink);
      return JSON.stringify(finalState(d));
    })();
    const attemptsPerDeploy: number[] = [];
    let faultsFired = 0;
    let retries = 0;
    for (let i = 0; i < 50; i++) {
      if (i % 5 === 0) {
        // Every fifth deploy starts from empty: the first-deploy path under faults too.
        d.arm.reset();
        d.arm.seed({ apimServices: [{ resourceGroup: RG, name: SVC }], sites: [{ resourceGroup: RG, name: APP, flex: true, hostKeys: { masterKey: MASTER_KEY, functionKeys: { default: FUNCTION_KEY } } }] });
        d.graph.state.applications.length = 0;
        d.graph.state.servicePrincipals.length = 0;
        d.scm.reset();
      }
      const fired0 = d.arm.faultsFired().length + d.scm.faultsFired().length;
      d.arm.setFaultRate(0.2, ARM_KINDS, 1000 + i);
      d.scm.setFaultRate(0.2, SCM_KINDS, 2000 + i);
      d.graph.setFaultRate(0.2, { kinds: ['429', '500', '503', 'drop', 'drop-after-commit'], seed: 3000 + i });
      let attempts = 0;
      for (;;) {
        attempts++;
        try {
          const r = await recordedDeploy(deployOptions(root, false), sink);
          retries += r.retries;
          break;
        } catch (e) {
          // A user re-runs after a failure; the deploy must converge.
          if (attempts >= 5) throw e;
        }
      }
      attemptsPerDeploy.push(attempts);
      faultsFired += d.arm.faultsFired().length + d.scm.faultsFired().length - fired0;
      d.arm.setFaultRate(0);
      d.scm.setFaultRate(0);
      d.graph.setFaultRate(0);
      expect(JSON.stringify(finalState(d))).toBe(reference);
      expect(d.graph.state.applications).toHaveLength(2);
      expect(d.graph.state.servicePrincipals).toHaveLength(1);
      expect(d.arm.state.resources('Microsoft.ApiManagement/service/namedValues')).toHaveLength(1);
      expect(d.arm.state.resources('Microsoft.ApiManagement/service/backends')).toHaveLength(1);
      expect(d.arm.state.resources('Microsoft.ApiManagement/service/apis')).toHaveLength(1);
      // Failed attempts included: no secret was written into the project.
      expect(secretFiles(d, root)).toEqual([]);
    }
    // Converged means: nothing left to do.
    const before = d.writes();
    const r = await recordedDeploy(deployOptions(root, false), sink);
    expect(d.writes()).toEqual(before);
    expect(r.changes.every((c) => c.action === 'no-op')).toBe(true);
    expect(d.violations()).toEqual([]);
    const reruns = attemptsPerDeploy.filter((a) => a > 1).length;
    const graphFaults = d.graph.requests.filter((q) => q.fault).length;
    process.stderr.write(`soak: 50 deploys, ${faultsFired} ARM+SCM faults and ${graphFaults} Graph faults fired, ${retries} retries inside deploys, ${reruns} deploy(s) needed a re-run (max ${Math.max(...attemptsPerDeploy)} attempts)\n`);
    expect(faultsFired).toBeGreaterThan(50);
    // Error messages of failed attempts included: no secret reaches any output.
    const all = sink.join('\n');
    for (const secret of d.secrets()) expect(all).not.toContain(secret);
    expect(secretFiles(d, root)).toEqual([]);
  }, 300_000);
});
