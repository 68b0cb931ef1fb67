/**
 * `down` against the doubles (ARM, Graph, token): it deletes only what carries the environment's tag (resources) or
 * marker (Entra apps, set by deploy's create), keeps adopted resources and says so, removes provision's role
 * assignments on kept resources before the identity they name, is a no-op with zero writes when nothing is left,
 * and finishes on a re-run after a fault. Every ARM request and answer is oav-checked (violations stay empty).
 */
import { ClientSecretCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/core-auth';
import { RecordingIoHost } from '../core/io';
import { isCkError } from '../core/errors';
import { loadEnvironment, scrubbing, type ResourceNames } from '../deploy';
import { CLIENT_ID, CLIENT_SECRET, TENANT, deployOptions, makeProject, recordedDeploy, useDoubles, type Doubles } from '../testing/deploy-harness';
import { catchCkError } from '../testing/catch-ck-error';
import { assignmentName } from './steps-roles';
import { down, renderDown } from './down';
import type { DownOptions, DownResult } from './down-types';

const ENV = { 'connectorkit-env': 'test' };
const ROLES = { blobOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', tableContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', metrics: '3913510d-42f4-4e42-8a64-420c390055eb' };
const PRINCIPAL = '0f5e2a9c-7d41-4b6e-9a13-5c8d2e7f4b10';

describe('down', () => {
  const h = useDoubles({ env: { location: 'westeurope' }, check: true });
  let names: ResourceNames;
  let credential: TokenCredential;

  beforeAll(() => {
    names = loadEnvironment(h.root, 'test').names!;
  });
  beforeEach(() => {
    h.d.arm.reset();
    h.d.graph.state.applications.length = 0;
    h.d.graph.state.servicePrincipals.length = 0;
    credential = scrubbing(new ClientSecretCredential(TENANT, CLIENT_ID, CLIENT_SECRET, { authorityHost: h.d.token.authorityHost, disableInstanceDiscovery: true }));
  });

  const opts = (planOnly: boolean): DownOptions => ({
    env: loadEnvironment(h.root, 'test'),
    root: h.root,
    credential,
    planOnly,
    retry: { attempts: 8, baseDelayMs: 1, maxDelayMs: 5, pollIntervalMs: 0, lroTimeoutMs: 30_000 },
  });
  const run = async (planOnly: boolean): Promise<DownResult> => {
    const r = await down(opts(planOnly), new RecordingIoHost());
    h.sink.push(JSON.stringify(r), renderDown(r));
    return r;
  };
  const armDeletes = () => h.d.arm.requests.filter((r) => r.method === 'DELETE' && r.status < 300).map((r) => r.path.split('/providers/').pop()!.split('/').slice(0, 2).join('/'));

  it('an environment connectorkit created (group tagged, everything in it tagged) goes with one group delete; its Entra apps and service principal too', async () => {
    seedProvisioned(h.d, names);
    await recordedDeploy(deployOptions(h.root, false), h.sink); // creates the Entra apps (marked) and registers the API
    expect(h.d.graph.state.applications.map((a) => a.tags)).toEqual([['connectorkit-env:test'], ['connectorkit-env:test']]);
    const before = h.d.writes();

    const plan = await run(true);
    expect(h.d.writes()).toEqual(before); // the plan writes nothing
    expect(plan.changes.filter((c) => c.action === 'delete').map((c) => c.resource)).toEqual([
      `Function App ${names.functionApp}`,
      `App Service plan ${names.plan}`,
      `API Management service ${names.apimService}`,
      `Application Insights ${names.appInsights}`,
      `Log Analytics workspace ${names.logAnalyticsWorkspace}`,
      `Storage account ${names.storageAccount}`,
      `Managed identity ${names.identity}`,
      `Resource group ${names.resourceGroup}`,
      'Entra app (API) ck-test-employees-api',
      'Entra app (connector client) ck-test-employees-connector',
    ]);
    expect(plan.kept).toEqual([]);
    expect(renderDown(plan)).toContain(`delete Resource group ${names.resourceGroup}`);

    h.d.arm.requests.length = 0;
    const done = await run(false);
    expect(done.summary.delete).toBe(10);
    expect(h.d.arm.state.resources()).toEqual([]);
    // One group delete removed every resource: no resource was deleted on its own.
    expect(h.d.arm.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.toLowerCase())).toEqual([h.d.arm.ids.resourceGroup(names.resourceGroup).toLowerCase()]);
    expect(h.d.graph.state.applications).toEqual([]);
    expect(h.d.graph.state.servicePrincipals).toEqual([]);

    // Nothing left: a second down reads, finds nothing and writes nothing.
    const w = h.d.writes();
    const again = await run(false);
    expect(again.changes).toEqual([]);
    expect(h.d.writes()).toEqual(w);
    expect(renderDown(again)).toContain('nothing of this environment is left to delete');
  });

  it('an adopted Function App and storage account (named, untagged) survive and are reported kept; the rest goes one by one, role assignments on the kept account first', async () => {
    seedProvisioned(h.d, names, { adopt: ['functionApp', 'storageAccount'] });
    const plan = await run(true);
    expect(plan.kept.map((k) => k.resource)).toEqual([`Resource group ${names.resourceGroup}`, `Function App ${names.functionApp}`, `Storage account ${names.storageAccount}`]);
    expect(plan.kept[1].reason).toContain('exists without the tag connectorkit-env=test');
    expect(plan.kept[1].reason).toContain('the code and app settings deploy put on it stay with it');
    expect(plan.changes.filter((c) => c.action === 'delete').map((c) => c.resource.split(' ').slice(0, -1).join(' '))).toEqual([
      'Role assignment', // Storage Blob Data Owner and Table Data Contributor on the kept account;
      'Role assignment', // the one on Application Insights goes with the component
      'App Service plan',
      'API Management service',
      'Application Insights',
      'Log Analytics workspace',
      'Managed identity',
    ]);

    h.d.arm.requests.length = 0;
    const done = await run(false);
    expect(done.kept).toHaveLength(3);
    expect(renderDown(done)).toMatch(new RegExp(`= Function App ${names.functionApp}  — exists without the tag`));
    const order = armDeletes();
    expect(order.indexOf('Microsoft.Web/serverfarms')).toBeGreaterThan(-1);
    expect(order.lastIndexOf('Microsoft.Authorization/roleAssignments')).toBeLessThan(order.indexOf('Microsoft.ManagedIdentity/userAssignedIdentities'));
    expect(order.indexOf('Microsoft.Insights/components')).toBeLessThan(order.indexOf('Microsoft.OperationalInsights/workspaces'));
    expect(h.d.arm.state.resources().map((e) => `${e.type} ${e.name}`)).toEqual([
      `Microsoft.Resources/resourceGroups ${names.resourceGroup}`,
      `Microsoft.Storage/storageAccounts ${names.storageAccount}`,
      `Microsoft.Storage/storageAccounts/blobServices/containers ${names.deploymentContainer}`,
      `Microsoft.Web/sites ${names.functionApp}`,
    ]);
  });

  it('nothing there: down is a no-op with zero writes', async () => {
    const before = h.d.writes();
    const r = await run(false);
    expect(r.changes).toEqual([]);
    expect(h.d.writes()).toEqual({ ...before, arm: 0 });
  });

  it('an env file without location (and not naming every resource) is a coded error before anything is read', async () => {
    const root = makeProject(h.d);
    const err = await catchCkError(() => down({ ...opts(false), env: loadEnvironment(root, 'test'), root }, new RecordingIoHost()));
    expect(err).toMatchObject({ code: 'CK_DOWN_NAMES_UNKNOWN', target: 'infra/environments/test.json#location' });
    expect(h.d.arm.requests).toEqual([]);
  });

  it('a fault that outlasts the retries stops down with a coded error; running it again finishes', async () => {
    seedProvisioned(h.d, names, { adopt: ['functionApp'] });
    // Not retryable: the run stops at the plan's delete, after the Function App step.
    h.d.arm.inject({ kind: 'authorizationFailed', method: 'DELETE', path: 'serverfarms' });
    const err = await run(false).catch((e: unknown) => e);
    expect(isCkError(err)).toBe(true);
    expect(h.d.arm.state.resources('Microsoft.Web/serverfarms')).toHaveLength(1);
    const again = await run(false);
    expect(again.changes.filter((c) => c.action === 'delete').map((c) => c.resource)).toContain(`App Service plan ${names.plan}`);
    expect(h.d.arm.state.resources().map((e) => e.type)).toEqual(['Microsoft.Resources/resourceGroups', 'Microsoft.Web/sites']);
  });
});

/** The state `provision` leaves (tagged resources, deterministic role assignments); `adopt` kinds exist untagged. */
function seedProvisioned(d: Doubles, n: ResourceNames, o: { adopt?: Array<keyof ResourceNames> } = {}): void {
  const tags = (k: keyof ResourceNames) => (o.adopt?.includes(k) ? undefined : ENV);
  const rg = n.resourceGroup;
  const base = { resourceGroup: rg, location: 'westeurope' };
  d.arm.seed({
    resourceGroups: [{ name: rg, location: 'westeurope', tags: ENV }],
    storageAccounts: [{ ...base, name: n.storageAccount, tags: tags('storageAccount') }],
    blobContainers: [{ resourceGroup: rg, account: n.storageAccount, name: n.deploymentContainer }],
    workspaces: [{ ...base, name: n.logAnalyticsWorkspace, tags: ENV }],
    components: [{ ...base, name: n.appInsights, tags: ENV, workspaceResourceId: d.arm.ids.workspace(rg, n.logAnalyticsWorkspace) }],
    identities: [{ ...base, name: n.identity, tags: ENV, principalId: PRINCIPAL }],
    serverFarms: [{ ...base, name: n.plan, tags: ENV }],
    apimServices: [{ ...base, name: n.apimService, skuName: 'Consumption', tags: ENV }],
    sites: [{ ...base, name: n.functionApp, tags: tags('functionApp'), serverFarmId: o.adopt?.includes('functionApp') ? undefined : d.arm.ids.serverFarm(rg, n.plan) }],
  });
  const storage = d.arm.ids.storageAccount(rg, n.storageAccount);
  const component = d.arm.ids.component(rg, n.appInsights);
  d.arm.seed({
    roleAssignments: [
      [storage, ROLES.blobOwner],
      [storage, ROLES.tableContributor],
      [component, ROLES.metrics],
    ].map(([scope, role]) => ({ scope, name: assignmentName(scope, role, PRINCIPAL), roleDefinitionId: role, principalId: PRINCIPAL, principalType: 'ServicePrincipal' })),
  });
}
