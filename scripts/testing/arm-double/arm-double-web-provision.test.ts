/**
 * Microsoft.Web provisioning in the ARM double through @azure/arm-appservice 19.0.0: Flex Consumption plan and
 * Function App create/update/delete, geoRegions, name availability, faults. Every request and response is oav-checked.
 */
import type { Site } from '@azure/arm-appservice';
import { WebSiteManagementClient } from '@azure/arm-appservice';
import { staticTokenCredential } from '../doubles-common';
import type { ArmDouble } from './index';
import { startArmDouble } from './index';

const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
const RG = 'rg-ck-dev';
const PLAN = 'plan-ck-dev';
const SITE = 'func-ck-dev-x7';
const TAGS = { 'connectorkit-env': 'dev' };
const poll = { updateIntervalInMs: 1 };
let dbl: ArmDouble;
let web: WebSiteManagementClient;

beforeAll(async () => {
  dbl = await startArmDouble({ subscriptionId: SUB, takenNames: { site: ['func-taken-elsewhere'] }, flexRegions: ['West Europe', 'East US'] });
  web = new WebSiteManagementClient(staticTokenCredential(), SUB, { endpoint: dbl.url, retryOptions: { maxRetries: 0 } });
});
afterAll(() => dbl.close());
beforeEach(() => {
  dbl.reset();
  dbl.seed({
    resourceGroups: [{ name: RG, location: 'West Europe', tags: TAGS }],
    identities: [{ resourceGroup: RG, name: 'id-ck-dev' }],
    storageAccounts: [{ resourceGroup: RG, name: 'stckdev01' }],
  });
});
afterEach(() => expect(dbl.violations).toEqual([]));

const ops = () => dbl.requests.map((r) => `${r.method} ${r.operationId ?? '?'} ${r.status}`);
const identityId = () => dbl.ids.identity(RG, 'id-ck-dev');
const flexPlan = () => web.appServicePlans.createOrUpdate(RG, PLAN, { location: 'westeurope', kind: 'functionapp', sku: { name: 'FC1', tier: 'FlexConsumption' }, reserved: true, tags: TAGS }, poll);

function flexSite(extra: Partial<Site> = {}): Site {
  return {
    location: 'westeurope',
    kind: 'functionapp,linux',
    tags: TAGS,
    identity: { type: 'UserAssigned', userAssignedIdentities: { [identityId()]: {} } },
    serverFarmId: dbl.ids.serverFarm(RG, PLAN),
    httpsOnly: true,
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer',
          value: 'https://stckdev01.blob.core.windows.net/app-package',
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId() },
        },
      },
      runtime: { name: 'node', version: '22' },
      scaleAndConcurrency: { maximumInstanceCount: 100, instanceMemoryMB: 2048 },
    },
    siteConfig: {
      minTlsVersion: '1.2',
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: 'stckdev01' },
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' },
      ],
    },
    ...extra,
  };
}

test('Flex Consumption plan: PUT (200, synchronous) and GET; FC1 sku, functionapp kind, reserved', async () => {
  const plan = await flexPlan();
  expect(plan).toMatchObject({ name: PLAN, kind: 'functionapp', sku: { name: 'FC1', tier: 'FlexConsumption' }, reserved: true, tags: TAGS, provisioningState: 'Succeeded' });
  expect((await web.appServicePlans.get(RG, PLAN)).sku?.tier).toBe('FlexConsumption');
  expect(ops()).toEqual(['PUT AppServicePlans_CreateOrUpdate 200', 'GET AppServicePlans_Get 200']);
});

test('a FC1 plan in a region without Flex Consumption is 400 BadRequest before anything is stored; geoRegions lists the Flex regions', async () => {
  const regions: string[] = [];
  for await (const r of web.listGeoRegions({ sku: 'FlexConsumption' })) regions.push(r.displayName ?? '');
  expect(regions).toEqual(['West Europe', 'East US']);
  await expect(web.appServicePlans.createOrUpdate(RG, PLAN, { location: 'westindia', kind: 'functionapp', sku: { name: 'FC1', tier: 'FlexConsumption' }, reserved: true }, poll)).rejects.toMatchObject(
    {
      statusCode: 400,
      code: 'BadRequest',
      message: expect.stringContaining('Requested features are not supported in region'),
    },
  );
  expect(dbl.state.resources('Microsoft.Web/serverfarms')).toEqual([]);
  expect(ops()[0]).toBe('GET ListGeoRegions 200');
});

test('Function App create is an LRO (202 + Location → the site): identity ids filled in, host keys and app settings from siteConfig', async () => {
  await flexPlan();
  const site = await web.webApps.createOrUpdate(RG, SITE, flexSite(), poll);
  expect(site).toMatchObject({
    name: SITE,
    kind: 'functionapp,linux',
    defaultHostName: `${SITE}.azurewebsites.net`,
    httpsOnly: true,
    serverFarmId: dbl.ids.serverFarm(RG, PLAN),
    tags: TAGS,
    functionAppConfig: { runtime: { name: 'node', version: '22' }, deployment: { storage: { authentication: { type: 'UserAssignedIdentity' } } } },
  });
  const ident = dbl.state.get(identityId())!.properties;
  expect(site.identity?.userAssignedIdentities?.[identityId()]).toEqual({ principalId: ident.principalId, clientId: ident.clientId });
  expect(ops().slice(1)).toEqual(['PUT WebApps_CreateOrUpdate 202', 'GET poll 202', 'GET poll 200']);
  const keys = await web.webApps.listHostKeys(RG, SITE);
  expect(keys.masterKey).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  expect(Object.keys(keys.functionKeys ?? {})).toEqual(['default']);
  expect((await web.webApps.listApplicationSettings(RG, SITE)).properties).toEqual({ AzureWebJobsStorage__accountName: 'stckdev01', AzureWebJobsStorage__credential: 'managedidentity' });
  expect((await web.appServicePlans.get(RG, PLAN)).numberOfSites).toBe(1);
  // Update: 200 at once, host keys kept, app settings kept when siteConfig.appSettings is absent.
  const updated = await web.webApps.createOrUpdate(RG, SITE, flexSite({ siteConfig: { minTlsVersion: '1.2' }, tags: { ...TAGS, owner: 'platform' } }), poll);
  expect(updated.tags).toEqual({ ...TAGS, owner: 'platform' });
  expect(dbl.requests.at(-1)).toMatchObject({ method: 'PUT', status: 200 });
  expect((await web.webApps.listHostKeys(RG, SITE)).masterKey).toBe(keys.masterKey);
  expect(Object.keys((await web.webApps.listApplicationSettings(RG, SITE)).properties ?? {})).toHaveLength(2);
});

test('Flex rules: node 18, a deployment identity not assigned, a forbidden app setting, a missing plan → coded errors, nothing stored', async () => {
  await flexPlan();
  const attempts: Array<[Site, number, RegExp]> = [
    [flexSite({ functionAppConfig: { ...flexSite().functionAppConfig, runtime: { name: 'node', version: '18' } } }), 400, /not supported for runtime 'node'/],
    [flexSite({ identity: { type: 'SystemAssigned' } }), 400, /is not assigned to the site/],
    [flexSite({ siteConfig: { appSettings: [{ name: 'FUNCTIONS_WORKER_RUNTIME', value: 'node' }] } }), 400, /AppSettings.FUNCTIONS_WORKER_RUNTIME\) for Flex Consumption sites is invalid/],
    [flexSite({ serverFarmId: dbl.ids.serverFarm(RG, 'plan-none') }), 404, /Cannot find ServerFarm with name plan-none/],
  ];
  for (const [site, statusCode, message] of attempts) await expect(web.webApps.createOrUpdate(RG, SITE, site, poll)).rejects.toMatchObject({ statusCode, message: expect.stringMatching(message) });
  expect(dbl.state.resources('Microsoft.Web/sites')).toEqual([]);
});

test('site names: checkNameAvailability (taken elsewhere, existing, invalid, free); a create of a taken name is 409', async () => {
  await flexPlan();
  await web.webApps.createOrUpdate(RG, SITE, flexSite(), poll);
  expect(await web.checkNameAvailability('func-taken-elsewhere', 'Microsoft.Web/sites')).toMatchObject({ nameAvailable: false, reason: 'AlreadyExists' });
  expect(await web.checkNameAvailability(SITE, 'Site')).toMatchObject({ nameAvailable: false, reason: 'AlreadyExists' });
  expect(await web.checkNameAvailability('-bad-', 'Site')).toMatchObject({ nameAvailable: false, reason: 'Invalid' });
  expect(await web.checkNameAvailability('func-free-01', 'Site')).toMatchObject({ nameAvailable: true });
  await expect(web.webApps.createOrUpdate(RG, 'func-taken-elsewhere', flexSite(), poll)).rejects.toMatchObject({ statusCode: 409, message: expect.stringContaining('already exists') });
});

test('delete: a plan with sites is 409; deleting the site (deleteEmptyServerFarm=false) keeps the plan; a second delete is 204; the default removes an empty plan', async () => {
  await flexPlan();
  await web.webApps.createOrUpdate(RG, SITE, flexSite(), poll);
  await expect(web.appServicePlans.delete(RG, PLAN)).rejects.toMatchObject({ statusCode: 409, message: expect.stringContaining(`has web app(s) ${SITE} assigned`) });
  await web.webApps.delete(RG, SITE, { deleteEmptyServerFarm: false });
  expect(dbl.state.resources('Microsoft.Web/sites')).toEqual([]);
  expect(dbl.state.resources('Microsoft.Web/serverfarms').map((p) => p.name)).toEqual([PLAN]);
  await web.webApps.delete(RG, SITE);
  await web.appServicePlans.delete(RG, PLAN);
  await web.appServicePlans.delete(RG, PLAN);
  expect(ops().filter((o) => o.startsWith('DELETE'))).toEqual([
    'DELETE AppServicePlans_Delete 409',
    'DELETE WebApps_Delete 200',
    'DELETE WebApps_Delete 204',
    'DELETE AppServicePlans_Delete 200',
    'DELETE AppServicePlans_Delete 204',
  ]);
  await web.webApps.createOrUpdate(RG, SITE, flexSite({ serverFarmId: (await flexPlan()).id }), poll);
  await web.webApps.delete(RG, SITE);
  expect(dbl.state.resources('Microsoft.Web/serverfarms')).toEqual([]);
});

test('faults: lroFailed rolls a site create back; a dropped plan PUT stores nothing; throttled geoRegions', async () => {
  await flexPlan();
  dbl.inject({ kind: 'lroFailed', method: 'PUT', path: '/sites/' });
  await expect(web.webApps.createOrUpdate(RG, SITE, flexSite(), poll)).rejects.toThrow();
  expect(dbl.state.resources('Microsoft.Web/sites')).toEqual([]);
  dbl.inject({ kind: 'drop', method: 'PUT', path: 'serverfarms/plan-two' });
  await expect(web.appServicePlans.createOrUpdate(RG, 'plan-two', { location: 'westeurope', sku: { name: 'FC1', tier: 'FlexConsumption' } }, poll)).rejects.toThrow();
  expect(dbl.state.resources('Microsoft.Web/serverfarms').map((p) => p.name)).toEqual([PLAN]);
  dbl.inject({ kind: 'throttle', path: 'geoRegions', retryAfterSeconds: 0 });
  await expect(web.listGeoRegions({ sku: 'FlexConsumption' }).next()).rejects.toMatchObject({ statusCode: 429 });
  expect(dbl.faultsFired().map((f) => f.kind)).toEqual(['lroFailed', 'drop', 'throttle']);
});

test('siteCreate: sync answers a new site with 200 at once', async () => {
  const sync = await startArmDouble({ subscriptionId: SUB, siteCreate: 'sync' });
  try {
    const w = new WebSiteManagementClient(staticTokenCredential(), SUB, { endpoint: sync.url, retryOptions: { maxRetries: 0 } });
    sync.seed({ serverFarms: [{ resourceGroup: RG, name: PLAN }], identities: [{ resourceGroup: RG, name: 'id-ck-dev' }] });
    await w.webApps.createOrUpdate(RG, SITE, flexSite(), poll);
    expect(sync.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 200']);
    expect(sync.violations).toEqual([]);
  } finally {
    await sync.close();
  }
});
