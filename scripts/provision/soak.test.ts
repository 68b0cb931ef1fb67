/**
 * Fault soak of `up`: 20 runs with 20% of ARM, SCM and Graph requests failing (429/503 with Retry-After, 500, 409,
 * 412, failed LROs, dropped connections before and after the write), starting from an empty subscription every
 * fifth run and from partial states otherwise (what failed attempts left, plus a storage account and a role
 * assignment deleted "in the portal"). Each run converges — re-run after a failure, as a user would — with exactly
 * one of each resource (no duplicate role assignments, apps or APIM entities); a fault-free re-run writes nothing.
 */
import { RecordingIoHost } from '../core/io';
import type { FaultKind } from '../testing/doubles-common';
import { secretFiles, type Doubles } from '../testing/deploy-harness';
import { up } from './up';
import { startEmptyDoubles, makeEmptyProject, portal, upOptions, IDS } from '../testing/provision-harness';

const ARM_KINDS: FaultKind[] = ['throttle', 'serverError', 'unavailable', 'conflict', 'preconditionFailed', 'lroFailed', 'drop', 'dropAfterWrite'];
const SCM_KINDS: FaultKind[] = ['throttle', 'serverError', 'unavailable', 'conflict', 'lroFailed', 'drop', 'dropAfterWrite'];
const ONE_EACH = [
  'Microsoft.Resources/resourceGroups',
  'Microsoft.ManagedIdentity/userAssignedIdentities',
  'Microsoft.Storage/storageAccounts',
  'Microsoft.Storage/storageAccounts/blobServices/containers',
  'Microsoft.OperationalInsights/workspaces',
  'Microsoft.Insights/components',
  'Microsoft.Web/serverfarms',
  'Microsoft.Web/sites',
  'Microsoft.ApiManagement/service',
  'Microsoft.ApiManagement/service/apis',
  'Microsoft.ApiManagement/service/namedValues',
  'Microsoft.ApiManagement/service/backends',
];

function counts(d: Doubles): Record<string, number> {
  const st = d.arm.state;
  return {
    ...Object.fromEntries(ONE_EACH.map((t) => [t, st.resources(t).length])),
    roleAssignments: st.resources('Microsoft.Authorization/roleAssignments').length,
    apps: d.graph.state.applications.length,
    servicePrincipals: d.graph.state.servicePrincipals.length,
  };
}

describe('up fault soak', () => {
  let d: Doubles;
  let root: string;
  beforeAll(async () => {
    d = await startEmptyDoubles({ arm: { apimServicePolls: 1 } });
    root = makeEmptyProject(d);
  });
  afterAll(() => d.close());

  it('20 runs at a 20% fault rate from empty or partial states converge, without duplicates', async () => {
    const expected = { ...Object.fromEntries(ONE_EACH.map((t) => [t, 1])), roleAssignments: 5, apps: 2, servicePrincipals: 1 };
    const attempts: number[] = [];
    let faults = 0;
    for (let i = 0; i < 20; i++) {
      if (i % 5 === 0) {
        d.arm.reset();
        d.graph.state.applications.length = 0;
        d.graph.state.servicePrincipals.length = 0;
        d.scm.reset();
      } else if (i % 5 === 2) {
        // Partial state: resources deleted out of band (their role assignments go with them).
        await portal(d, 'DELETE', IDS.storage, '2026-06-01');
        const ra = d.arm.state.resources('Microsoft.Authorization/roleAssignments')[0];
        if (ra) await portal(d, 'DELETE', ra.id, '2022-04-01');
      }
      const fired0 = d.arm.faultsFired().length + d.scm.faultsFired().length;
      d.arm.setFaultRate(0.2, ARM_KINDS, 100 + i);
      d.scm.setFaultRate(0.2, SCM_KINDS, 200 + i);
      d.graph.setFaultRate(0.2, { kinds: ['429', '500', '503', 'drop', 'drop-after-commit'], seed: 300 + i });
      let n = 0;
      for (;;) {
        n++;
        try {
          await up(upOptions(root, false), new RecordingIoHost());
          break;
        } catch (e) {
          if (n >= 6) throw e;
        }
      }
      attempts.push(n);
      faults += d.arm.faultsFired().length + d.scm.faultsFired().length - fired0;
      d.arm.setFaultRate(0);
      d.scm.setFaultRate(0);
      d.graph.setFaultRate(0);
      expect({ run: i, ...counts(d) }).toEqual({ run: i, ...expected });
      expect(secretFiles(d, root)).toEqual([]);
    }
    const before = d.writes();
    const r = await up(upOptions(root, false), new RecordingIoHost());
    expect(r.changes.filter((c) => c.action !== 'no-op')).toEqual([]);
    expect(d.writes()).toEqual(before);
    expect(d.violations()).toEqual([]);
    process.stderr.write(`up soak: 20 runs, ${faults} ARM+SCM faults fired, ${attempts.filter((a) => a > 1).length} run(s) needed a re-run (max ${Math.max(...attempts)} attempts)\n`);
    expect(faults).toBeGreaterThan(20);
  }, 400_000);
});
