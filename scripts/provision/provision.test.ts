/**
 * `connectorkit provision` against the doubles, from an empty subscription: the plan writes nothing, the apply
 * creates every resource as planned (tagged, with the declared properties, role assignments and app settings), and
 * a re-run writes nothing; out-of-band edits show as one update and are repaired; preflight failures (a region
 * without Flex Consumption, a name taken elsewhere) are coded errors with a hint and zero writes; an existing
 * resource named in the env file is adopted and never touched.
 */
import { RecordingIoHost } from '../core/io';
import { catchCkError } from '../testing/catch-ck-error';
import { provision } from './provision';
import { assignmentName } from './steps-roles';
import { startEmptyDoubles, makeEmptyProject, provisionOptions, portal, NAMES, IDS } from '../testing/provision-harness';
import { deployOptions, type Doubles } from '../testing/deploy-harness';
import { deploy } from '../deploy';

const TAG = { 'connectorkit-env': 'test' };
const TYPES = [
  'Microsoft.Resources/resourceGroups',
  'Microsoft.ManagedIdentity/userAssignedIdentities',
  'Microsoft.Storage/storageAccounts',
  'Microsoft.OperationalInsights/workspaces',
  'Microsoft.Insights/components',
  'Microsoft.Web/serverfarms',
  'Microsoft.Web/sites',
  'Microsoft.ApiManagement/service',
];
const run = (root: string, planOnly = false) => provision(provisionOptions(root, planOnly), new RecordingIoHost());
const pending = (r: { changes: Array<{ action: string; resource: string }> }) => r.changes.filter((c) => c.action !== 'no-op').map((c) => `${c.action} ${c.resource}`);

describe('provision from an empty subscription', () => {
  let d: Doubles;
  let root: string;
  beforeAll(async () => {
    d = await startEmptyDoubles();
    root = makeEmptyProject(d);
  });
  afterAll(() => d.close());
  afterEach(() => expect(d.violations()).toEqual([]));

  it('plans everything with zero writes, creates it as planned, and a re-run writes nothing', async () => {
    const plan = await run(root, true);
    expect(d.writes()).toEqual({ arm: 0, graph: 0, scm: 0 });
    expect(plan.summary).toEqual({ create: 12, update: 0, delete: 0, 'no-op': 0 });
    const first = await run(root);
    expect(first.changes.map((c) => `${c.action} ${c.resource}`)).toEqual(plan.changes.map((c) => `${c.action} ${c.resource}`));
    const st = d.arm.state;
    for (const type of TYPES) expect(st.resources(type).map((e) => ({ type, name: e.name, tags: e.top?.tags }))).toEqual([{ type, name: expect.stringMatching(/-test-|^sttest|^apim-/), tags: TAG }]);
    expect(st.get(IDS.storage)?.properties).toMatchObject({ allowSharedKeyAccess: false, minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: false });
    expect(st.get(`${IDS.storage}/blobServices/default/containers/app-package`)).toBeDefined();
    const component = st.resources('Microsoft.Insights/components')[0]!;
    expect(component.properties).toMatchObject({ DisableLocalAuth: true, WorkspaceResourceId: st.resources('Microsoft.OperationalInsights/workspaces')[0]!.id });
    const identity = st.resources('Microsoft.ManagedIdentity/userAssignedIdentities')[0]!;
    const site = st.get(IDS.site)!;
    expect(site.properties).toMatchObject({
      serverFarmId: st.resources('Microsoft.Web/serverfarms')[0]!.id,
      functionAppConfig: { runtime: { name: 'node', version: '22' }, deployment: { storage: { authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identity.id } } } },
    });
    expect(st.hidden(IDS.site)?.appSettings).toEqual({
      AzureWebJobsStorage__accountName: NAMES.storageAccount,
      AzureWebJobsStorage__credential: 'managedidentity',
      AzureWebJobsStorage__clientId: identity.properties.clientId,
      APPLICATIONINSIGHTS_CONNECTION_STRING: component.properties.ConnectionString,
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: `ClientId=${identity.properties.clientId};Authorization=AAD`,
    });
    expect(st.resources('Microsoft.ApiManagement/service')[0]).toMatchObject({
      top: { sku: { name: 'Consumption', capacity: 0 }, identity: { type: 'SystemAssigned' } },
      properties: { provisioningState: 'Succeeded' },
    });
    // Role assignments: four for the identity on storage and App Insights, one for the deployer on the container — deterministic names.
    const assignments = st.resources('Microsoft.Authorization/roleAssignments');
    expect(assignments).toHaveLength(5);
    const principal = String(identity.properties.principalId);
    expect(assignments.map((a) => a.name)).toContain(assignmentName(IDS.storage, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', principal));
    const writes = d.writes().arm;
    const again = await run(root);
    expect(pending(again)).toEqual([]);
    expect(again.summary['no-op']).toBe(12);
    expect(d.writes().arm).toBe(writes);
  }, 120_000);

  it('a deleted role assignment or an app setting edited in the portal shows as one update and is repaired', async () => {
    const ra = d.arm.state.resources('Microsoft.Authorization/roleAssignments').find((a) => String(a.properties.roleDefinitionId).endsWith('3913510d-42f4-4e42-8a64-420c390055eb'))!;
    expect(await portal(d, 'DELETE', ra.id, '2022-04-01')).toBe(200);
    const plan = await run(root, true);
    expect(pending(plan)).toEqual([`update Role assignments of managed identity ${NAMES.identity}`]);
    expect(plan.changes.find((c) => c.action === 'update')!.diff).toEqual([{ path: `Monitoring Metrics Publisher on Application Insights ${NAMES.appInsights}`, to: 'assigned' }]);
    expect(pending(await run(root))).toEqual([`update Role assignments of managed identity ${NAMES.identity}`]);
    expect(d.arm.state.resources('Microsoft.Authorization/roleAssignments')).toHaveLength(5);

    const settings = { ...(d.arm.state.hidden(IDS.site)!.appSettings as Record<string, string>), AzureWebJobsStorage__credential: 'connectionstring', MY_OWN: 'kept' };
    expect(await portal(d, 'PUT', `${IDS.site}/config/appsettings`, '2025-05-01', { properties: settings })).toBe(200);
    const edited = await run(root);
    expect(pending(edited)).toEqual([`update Function App ${NAMES.functionApp} platform app settings`]);
    expect(d.arm.state.hidden(IDS.site)?.appSettings).toMatchObject({ AzureWebJobsStorage__credential: 'managedidentity', MY_OWN: 'kept' });
    const writes = d.writes().arm;
    expect(pending(await run(root))).toEqual([]);
    expect(d.writes().arm).toBe(writes);
  }, 60_000);
});

describe('provision preflight: coded errors before any write', () => {
  it('a region without Flex Consumption', async () => {
    const d = await startEmptyDoubles();
    try {
      const root = makeEmptyProject(d, { location: 'westus' });
      const e = await catchCkError(() => run(root));
      expect(e.code).toBe('CK_PROVISION_REGION_UNSUPPORTED');
      expect(e.message).toContain('"westus" does not offer Flex Consumption');
      expect(e.hint).toMatch(/Set "location" in infra\/environments\/test\.json to a region that does \(e\.g\. .*westeurope/);
      expect(d.writes()).toEqual({ arm: 0, graph: 0, scm: 0 });
      expect(d.violations()).toEqual([]);
    } finally {
      await d.close();
    }
  }, 60_000);

  it('an APIM (or Function App) name taken elsewhere in Azure', async () => {
    const d = await startEmptyDoubles({ arm: { takenNames: { apim: [NAMES.apimService], site: [NAMES.functionApp] } } });
    try {
      const root = makeEmptyProject(d);
      const e = await catchCkError(() => run(root));
      expect(e.code).toBe('CK_PROVISION_NAME_TAKEN');
      expect(e.message).toMatch(new RegExp(`"(${NAMES.apimService}|${NAMES.functionApp})" is not available`));
      expect(e.hint).toContain('infra/environments/test.json');
      expect(d.writes()).toEqual({ arm: 0, graph: 0, scm: 0 });
      expect(d.violations()).toEqual([]);
    } finally {
      await d.close();
    }
  }, 60_000);

  it('an identity that may not assign roles gets the role it lacks in the hint', async () => {
    const d = await startEmptyDoubles({ arm: { denyActions: ['Microsoft.Authorization/roleAssignments/write'] } });
    try {
      const e = await catchCkError(() => run(makeEmptyProject(d)));
      expect(e.code).toBe('CK_DEPLOY_AUTHORIZATION_FAILED');
      expect(e.message).toMatch(/^Role assignments of /);
      expect(e.hint).toContain('Role Based Access Control Administrator');
      expect(d.arm.state.resources('Microsoft.Authorization/roleAssignments')).toEqual([]);
      expect(d.violations()).toEqual([]);
    } finally {
      await d.close();
    }
  }, 60_000);

  it('deploy before provision (default names, nothing in Azure) says to run provision, with zero writes', async () => {
    const d = await startEmptyDoubles();
    try {
      const root = makeEmptyProject(d);
      const e = await catchCkError(() => deploy(deployOptions(root, true), new RecordingIoHost()));
      expect(e.code).toBe('CK_DEPLOY_RESOURCE_NOT_FOUND');
      expect(e.hint).toContain('connectorkit provision --env test');
      expect(d.writes()).toEqual({ arm: 0, graph: 0, scm: 0 });
    } finally {
      await d.close();
    }
  }, 60_000);

  it('an existing Function App named in the env file is adopted: never tagged, changed or given settings', async () => {
    const d = await startEmptyDoubles({ siteName: 'func-legacy' });
    try {
      d.arm.seed({ sites: [{ resourceGroup: NAMES.resourceGroup, name: 'func-legacy', location: 'westeurope', tags: { owner: 'platform' } }] });
      const root = makeEmptyProject(d, { functionApp: 'func-legacy' });
      const before = structuredClone(d.arm.state.resources('Microsoft.Web/sites')[0]!);
      const r = await run(root);
      expect(r.changes.find((c) => c.resource === 'Function App func-legacy')).toMatchObject({ action: 'no-op', note: expect.stringContaining('adopted') });
      const after = d.arm.state.resources('Microsoft.Web/sites')[0]!;
      expect({ tags: after.top?.tags, etag: after.etag }).toEqual({ tags: { owner: 'platform' }, etag: before.etag });
      expect(d.arm.requests.filter((q) => q.write && /\/sites\/func-legacy/i.test(q.path))).toEqual([]);
      // The adopted app runs on its own plan: no Flex Consumption plan is created for nothing.
      expect(r.changes.find((c) => c.resource.startsWith('Flex Consumption plan'))).toMatchObject({ action: 'no-op', note: expect.stringContaining('adopted Function App func-legacy') });
      expect(d.arm.state.resources('Microsoft.Web/serverfarms')).toEqual([]);
      expect(d.violations()).toEqual([]);
    } finally {
      await d.close();
    }
  }, 60_000);
});
