/**
 * Fault soak: 50 deploys with 20% of ARM, SCM and Graph requests failing (429/503 with Retry-After, 500, 409
 * PessimisticConcurrencyConflict, 412, failed LROs, dropped connections before and after the write). Every deploy
 * must converge (re-running after a failure, as a user would) to the same final state, with no duplicate apps,
 * named values or backends; a fault-free re-run afterwards writes nothing.
 */
import type { FaultKind } from '../testing/doubles-common';
import { useDoubles, seedExisting, deployOptions, secretFiles, type Doubles, recordedDeploy } from '../testing/deploy-harness';

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
    apps: apps
      .map((a) => JSON.parse(sub(JSON.stringify({ n: a.uniqueName, uris: a.identifierUris, api: a.api, web: a.web.redirectUris, rra: a.requiredResourceAccess }))))
      .sort((x, y) => x.n.localeCompare(y.n)),
    sps: d.graph.state.servicePrincipals.map((s) => alias.get(s.appId)),
    code: d.scm.current()?.sha256,
  };
}

describe('deploy fault soak', () => {
  const h = useDoubles();

  it('50 deploys at a 20% fault rate all converge to one state, without duplicates', async () => {
    const reference = await (async () => {
      await recordedDeploy(deployOptions(h.root, false), h.sink);
      return JSON.stringify(finalState(h.d));
    })();
    const attemptsPerDeploy: number[] = [];
    let faultsFired = 0;
    let retries = 0;
    for (let i = 0; i < 50; i++) {
      if (i % 5 === 0) {
        // Every fifth deploy starts from empty: the first-deploy path under faults too.
        h.d.arm.reset();
        seedExisting(h.d.arm);
        h.d.graph.state.applications.length = 0;
        h.d.graph.state.servicePrincipals.length = 0;
        h.d.scm.reset();
      }
      const fired0 = h.d.arm.faultsFired().length + h.d.scm.faultsFired().length;
      h.d.arm.setFaultRate(0.2, ARM_KINDS, 1000 + i);
      h.d.scm.setFaultRate(0.2, SCM_KINDS, 2000 + i);
      h.d.graph.setFaultRate(0.2, { kinds: ['429', '500', '503', 'drop', 'drop-after-commit'], seed: 3000 + i });
      let attempts = 0;
      for (;;) {
        attempts++;
        try {
          const r = await recordedDeploy(deployOptions(h.root, false), h.sink);
          retries += r.retries;
          break;
        } catch (e) {
          // A user re-runs after a failure; the deploy must converge.
          if (attempts >= 5) throw e;
        }
      }
      attemptsPerDeploy.push(attempts);
      faultsFired += h.d.arm.faultsFired().length + h.d.scm.faultsFired().length - fired0;
      h.d.arm.setFaultRate(0);
      h.d.scm.setFaultRate(0);
      h.d.graph.setFaultRate(0);
      expect(JSON.stringify(finalState(h.d))).toBe(reference);
      expect(h.d.graph.state.applications).toHaveLength(2);
      expect(h.d.graph.state.servicePrincipals).toHaveLength(1);
      expect(h.d.arm.state.resources('Microsoft.ApiManagement/service/namedValues')).toHaveLength(1);
      expect(h.d.arm.state.resources('Microsoft.ApiManagement/service/backends')).toHaveLength(1);
      expect(h.d.arm.state.resources('Microsoft.ApiManagement/service/apis')).toHaveLength(1);
      // Failed attempts included: no secret was written into the project.
      expect(secretFiles(h.d, h.root)).toEqual([]);
    }
    // Converged means: nothing left to do.
    const before = h.d.writes();
    const r = await recordedDeploy(deployOptions(h.root, false), h.sink);
    expect(h.d.writes()).toEqual(before);
    expect(r.changes.every((c) => c.action === 'no-op')).toBe(true);
    expect(h.d.violations()).toEqual([]);
    const reruns = attemptsPerDeploy.filter((a) => a > 1).length;
    const graphFaults = h.d.graph.requests.filter((q) => q.fault).length;
    process.stderr.write(
      `soak: 50 deploys, ${faultsFired} ARM+SCM faults and ${graphFaults} Graph faults fired, ${retries} retries inside deploys, ${reruns} deploy(s) needed a re-run (max ${Math.max(...attemptsPerDeploy)} attempts)\n`,
    );
    expect(faultsFired).toBeGreaterThan(50);
    // Error messages of failed attempts included: no secret reaches any output.
    const all = h.sink.join('\n');
    for (const secret of h.d.secrets()) expect(all).not.toContain(secret);
    expect(secretFiles(h.d, h.root)).toEqual([]);
  }, 300_000);
});
