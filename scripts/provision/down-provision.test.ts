/**
 * `down` after the real `up` / `provision` against the doubles: from an empty subscription everything they
 * created goes, Entra apps included, and a second down writes nothing; an existing Function App named in the env
 * file (adopted by provision) survives and is reported as kept; under a 30% fault rate, re-running down converges.
 */
import { existsSync } from 'node:fs';
import { RecordingIoHost } from '../core/io';
import { loadEnvironment } from '../deploy';
import type { Doubles } from '../testing/deploy-harness';
import { down, renderDown } from './down';
import type { DownResult } from './down-types';
import { provision } from './provision';
import { pendingFile } from './steps-apim';
import { makeEmptyProject, NAMES, provisionOptions, startEmptyDoubles, upOptions } from '../testing/provision-harness';
import { up } from './up';

const runDown = (root: string, planOnly = false): Promise<DownResult> => {
  const p = provisionOptions(root, planOnly);
  return down({ ...p, env: loadEnvironment(root, 'test') }, new RecordingIoHost());
};

describe('down after up / provision', () => {
  let d: Doubles | undefined;
  afterEach(async () => {
    if (d) expect(d.violations()).toEqual([]);
    await d?.close();
    d = undefined;
  });

  it('removes everything up created (group, resources, role assignments, Entra apps); a second down writes nothing', async () => {
    d = await startEmptyDoubles();
    const root = makeEmptyProject(d);
    await up(upOptions(root, false), new RecordingIoHost()); // provision + deploy, as a user runs it
    expect(d.arm.state.resources('Microsoft.Authorization/roleAssignments')).toHaveLength(5);
    expect(d.graph.state.applications).toHaveLength(2);

    const plan = await runDown(root, true);
    expect(plan.kept).toEqual([]);
    expect(plan.changes.find((c) => c.resource === `Resource group ${NAMES.resourceGroup}`)).toMatchObject({ action: 'delete' });
    const done = await runDown(root);
    expect(renderDown(done)).toContain(`Result: ${plan.summary.delete} deleted, 0 kept.`);
    expect(d.arm.state.resources()).toEqual([]);
    expect(d.graph.state.applications).toEqual([]);
    expect(d.graph.state.servicePrincipals).toEqual([]);
    expect(existsSync(pendingFile(root, 'test'))).toBe(false);

    const writes = d.writes();
    const again = await runDown(root);
    expect(again.changes).toEqual([]);
    expect(d.writes()).toEqual(writes);
  }, 120_000);

  it('an existing Function App named in the env file (adopted by provision) survives down and is reported as kept', async () => {
    d = await startEmptyDoubles({ siteName: 'func-legacy' });
    d.arm.seed({ sites: [{ resourceGroup: NAMES.resourceGroup, name: 'func-legacy', location: 'westeurope', tags: { owner: 'platform' } }] });
    const root = makeEmptyProject(d, { functionApp: 'func-legacy' });
    await provision(provisionOptions(root, false), new RecordingIoHost());
    const site = structuredClone(d.arm.state.resources('Microsoft.Web/sites')[0]!);

    const done = await runDown(root);
    expect(done.kept.map((k) => k.resource)).toEqual([`Resource group ${NAMES.resourceGroup}`, 'Function App func-legacy']);
    expect(done.changes.find((c) => c.resource === 'Function App func-legacy')).toMatchObject({ action: 'no-op', note: expect.stringContaining('kept') });
    expect(renderDown(done)).toContain('= Function App func-legacy');
    const left = d.arm.state.resources();
    expect(left.map((e) => `${e.type} ${e.name}`)).toEqual([`Microsoft.Resources/resourceGroups ${NAMES.resourceGroup}`, 'Microsoft.Web/sites func-legacy']);
    expect(left[1]!.etag).toBe(site.etag); // never written
    expect(d.arm.requests.filter((q) => q.write && /\/sites\/func-legacy/i.test(q.path))).toEqual([]);
  }, 120_000);

  it('under a 30% fault rate, running down again until it succeeds leaves nothing of the environment (and keeps what is not its own)', async () => {
    d = await startEmptyDoubles();
    const root = makeEmptyProject(d);
    await provision(provisionOptions(root, false), new RecordingIoHost());
    // Someone else's identity in the group: the group stays, so every resource is deleted on its own (more requests).
    d.arm.seed({ identities: [{ resourceGroup: NAMES.resourceGroup, name: 'id-someone-else', location: 'westeurope' }] });
    d.arm.setFaultRate(0.3, ['throttle', 'serverError', 'unavailable', 'drop', 'dropAfterWrite'], 12);
    let runs = 0;
    for (; runs < 10; runs++) {
      const ok = await runDown(root).then(
        () => true,
        () => false,
      );
      if (ok) break;
    }
    d.arm.setFaultRate(0);
    expect(d.arm.faultsFired().length).toBeGreaterThan(2); // the faults did hit down's requests
    expect(runs).toBeLessThan(10);
    expect(d.arm.state.resources().map((e) => e.name)).toEqual([NAMES.resourceGroup, 'id-someone-else']);
  }, 120_000);
});
