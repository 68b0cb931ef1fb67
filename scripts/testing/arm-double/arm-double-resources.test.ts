/**
 * The provisioning providers of the ARM double through the SDKs `connectorkit provision` uses: resource groups
 * (@azure/arm-resources 8.0.0), user-assigned identities (@azure/arm-msi 2.2.0) and storage (@azure/arm-storage
 * 20.2.0). Every request and response is oav-checked; `violations` must stay empty unless a test provokes one.
 */
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import { ResourceManagementClient } from '@azure/arm-resources';
import { StorageManagementClient } from '@azure/arm-storage';
import { fakeJwt, staticTokenCredential } from '../doubles-common';
import type { ArmDouble } from './index';
import { startArmDouble } from './index';

const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
const RG = 'rg-ck-dev';
const TAGS = { 'connectorkit-env': 'dev' };
const poll = { updateIntervalInMs: 1 };
let dbl: ArmDouble;
let rm: ResourceManagementClient;
let msi: ManagedServiceIdentityClient;
let st: StorageManagementClient;

beforeAll(async () => {
  dbl = await startArmDouble({ subscriptionId: SUB, takenNames: { storage: ['sttakenelsewhere'] } });
  const opts = { endpoint: dbl.url, retryOptions: { maxRetries: 0 } };
  rm = new ResourceManagementClient(staticTokenCredential(), SUB, opts);
  msi = new ManagedServiceIdentityClient(staticTokenCredential(), SUB, { ...opts, $host: dbl.url });
  st = new StorageManagementClient(staticTokenCredential(), SUB, opts);
});
afterAll(() => dbl.close());
beforeEach(() => dbl.reset());
afterEach(() => expect(dbl.violations).toEqual([]));

const ops = () => dbl.requests.map((r) => `${r.method} ${r.apiVersion ?? '-'} ${r.operationId ?? '?'} ${r.status}`);

test('resource groups: check existence, create with tags, patch, get, at the SDK default api-version', async () => {
  expect((await rm.resourceGroups.checkExistence(RG)).body).toBe(false);
  const created = await rm.resourceGroups.createOrUpdate(RG, { location: 'westeurope', tags: TAGS });
  expect(created).toMatchObject({ id: dbl.ids.resourceGroup(RG), name: RG, location: 'westeurope', tags: TAGS, properties: { provisioningState: 'Succeeded' } });
  expect((await rm.resourceGroups.checkExistence(RG)).body).toBe(true);
  await rm.resourceGroups.update(RG, { tags: { ...TAGS, owner: 'platform' } });
  expect((await rm.resourceGroups.get(RG)).tags).toEqual({ ...TAGS, owner: 'platform' });
  await expect(rm.resourceGroups.createOrUpdate(RG, { location: 'eastus' })).rejects.toMatchObject({ statusCode: 409, code: 'InvalidResourceGroupLocation' });
  expect(ops()).toEqual([
    'HEAD 2025-04-01 ResourceGroups_CheckExistence 404',
    'PUT 2025-04-01 ResourceGroups_CreateOrUpdate 201',
    'HEAD 2025-04-01 ResourceGroups_CheckExistence 204',
    'PATCH 2025-04-01 ResourceGroups_Update 200',
    'GET 2025-04-01 ResourceGroups_Get 200',
    'PUT 2025-04-01 ResourceGroups_CreateOrUpdate 409',
  ]);
});

test('a resource PUT into a missing group is 404 ResourceGroupNotFound, as ARM answers', async () => {
  await expect(msi.userAssignedIdentities.createOrUpdate('rg-missing', 'id-x', { location: 'westeurope' })).rejects.toMatchObject({
    statusCode: 404,
    code: 'ResourceGroupNotFound',
  });
  expect(dbl.writes()).toBe(1);
  expect(dbl.state.resources()).toEqual([]);
});

test('user-assigned identity: GUIDs are deterministic, unique and stable across a re-PUT; a delete then re-create gets new ones', async () => {
  dbl.seed({ resourceGroups: [{ name: RG, location: 'westeurope' }] });
  const a = await msi.userAssignedIdentities.createOrUpdate(RG, 'id-func', { location: 'westeurope', tags: TAGS });
  const b = await msi.userAssignedIdentities.createOrUpdate(RG, 'id-other', { location: 'westeurope' });
  expect(a.principalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(new Set([a.principalId, a.clientId, b.principalId, b.clientId]).size).toBe(4);
  expect(a.tags).toEqual(TAGS);
  const again = await msi.userAssignedIdentities.createOrUpdate(RG, 'id-func', { location: 'westeurope', tags: TAGS });
  expect([again.principalId, again.clientId, again.tenantId]).toEqual([a.principalId, a.clientId, a.tenantId]);
  expect((await msi.userAssignedIdentities.get(RG, 'id-func')).principalId).toBe(a.principalId);
  await msi.userAssignedIdentities.delete(RG, 'id-func');
  await expect(msi.userAssignedIdentities.get(RG, 'id-func')).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
  const reborn = await msi.userAssignedIdentities.createOrUpdate(RG, 'id-func', { location: 'westeurope' });
  expect(reborn.principalId).not.toBe(a.principalId);
  expect(dbl.state.resources('Microsoft.ManagedIdentity/userAssignedIdentities').map((e) => e.name)).toEqual(['id-func', 'id-other']);
});

test('storage account create is an LRO (202 + Location, polled to the account) with the properties sent', async () => {
  dbl.seed({ resourceGroups: [{ name: RG, location: 'westeurope' }] });
  const account = await st.storageAccounts.create(
    RG,
    'stckdev01',
    {
      location: 'westeurope',
      sku: { name: 'Standard_LRS' },
      kind: 'StorageV2',
      tags: TAGS,
      allowSharedKeyAccess: false,
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: false,
      enableHttpsTrafficOnly: true,
    },
    poll,
  );
  expect(account).toMatchObject({ name: 'stckdev01', tags: TAGS, provisioningState: 'Succeeded', allowSharedKeyAccess: false, minimumTlsVersion: 'TLS1_2' });
  expect(account.primaryEndpoints?.blob).toBe('https://stckdev01.blob.core.windows.net/');
  expect(ops()).toEqual(['PUT 2026-06-01 StorageAccounts_Create 202', 'GET 2026-06-01 poll 202', 'GET 2026-06-01 poll 200']);
  const update = await st.storageAccounts.update(RG, 'stckdev01', { allowSharedKeyAccess: false, minimumTlsVersion: 'TLS1_2', tags: { ...TAGS, x: 'y' } });
  expect(update.tags).toEqual({ ...TAGS, x: 'y' });
  const again = await st.storageAccounts.create(RG, 'stckdev01', { location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2', tags: TAGS }, poll);
  expect(again.provisioningState).toBe('Succeeded');
  expect(dbl.requests.at(-1)).toMatchObject({ method: 'PUT', status: 200 }); // an existing account: 200, no LRO
});

test('storage create answers 200 at once with storageCreate: sync; blob containers; delete', async () => {
  const sync = await startArmDouble({ subscriptionId: SUB, storageCreate: 'sync' });
  try {
    const s = new StorageManagementClient(staticTokenCredential(), SUB, { endpoint: sync.url, retryOptions: { maxRetries: 0 } });
    sync.seed({ resourceGroups: [{ name: RG }] });
    await s.storageAccounts.create(RG, 'stckdev02', { location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' }, poll);
    expect(sync.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 200']);
    const c = await s.blobContainers.create(RG, 'stckdev02', 'app-package', {});
    expect(c).toMatchObject({ name: 'app-package', publicAccess: 'None' });
    expect((await s.blobContainers.get(RG, 'stckdev02', 'app-package')).name).toBe('app-package');
    await s.storageAccounts.delete(RG, 'stckdev02');
    await expect(s.blobContainers.get(RG, 'stckdev02', 'app-package')).rejects.toMatchObject({ statusCode: 404 });
    expect(sync.state.resources().map((e) => e.type)).toEqual(['Microsoft.Resources/resourceGroups']);
    expect(sync.violations).toEqual([]);
  } finally {
    await sync.close();
  }
});

test('storage name availability: invalid, taken here, taken elsewhere, free', async () => {
  dbl.seed({ storageAccounts: [{ resourceGroup: RG, name: 'stmine' }] });
  const check = (name: string) => st.storageAccounts.checkNameAvailability({ name, type: 'Microsoft.Storage/storageAccounts' });
  expect(await check('Bad_Name')).toMatchObject({ nameAvailable: false, reason: 'AccountNameInvalid' });
  expect(await check('stmine')).toMatchObject({ nameAvailable: false, reason: 'AlreadyExists' });
  expect(await check('sttakenelsewhere')).toMatchObject({ nameAvailable: false, reason: 'AlreadyExists' });
  expect(await check('stfree01')).toMatchObject({ nameAvailable: true });
  await expect(st.storageAccounts.create(RG, 'sttakenelsewhere', { location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' }, poll)).rejects.toMatchObject({
    statusCode: 409,
    code: 'StorageAccountAlreadyTaken',
  });
  expect(dbl.writes()).toBe(1); // name checks are not writes
});

test('deleting a resource group is an LRO that removes everything in it (and nothing elsewhere)', async () => {
  dbl.seed({
    storageAccounts: [{ resourceGroup: RG, name: 'stckdev01' }],
    blobContainers: [{ resourceGroup: RG, account: 'stckdev01', name: 'app-package' }],
    identities: [
      { resourceGroup: RG, name: 'id-func' },
      { resourceGroup: 'rg-other', name: 'id-keep' },
    ],
    roleAssignments: [{ scope: `/subscriptions/${SUB}/resourceGroups/${RG}`, roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c', principalId: '11111111-1111-4111-8111-111111111111' }],
  });
  const poller = await rm.resourceGroups.beginDelete(RG, poll);
  expect((await rm.resourceGroups.get(RG)).properties?.provisioningState).toBe('Deleting');
  await expect(msi.userAssignedIdentities.createOrUpdate(RG, 'id-late', { location: 'westeurope' })).rejects.toMatchObject({ statusCode: 409, code: 'ResourceGroupBeingDeleted' });
  await poller.pollUntilDone();
  expect(dbl.state.resources().map((e) => e.id)).toEqual([dbl.ids.resourceGroup('rg-other'), dbl.ids.identity('rg-other', 'id-keep')]);
  expect(ops().filter((o) => o.startsWith('DELETE') || o.includes('poll'))).toEqual(['DELETE 2025-04-01 ResourceGroups_Delete 202', 'GET 2025-04-01 poll 202', 'GET 2025-04-01 poll 200']);
});

test('faults apply to the new routes: throttle, dropped connection, lroFailed rolls a storage create back', async () => {
  dbl.seed({ resourceGroups: [{ name: RG }] });
  dbl.inject({ kind: 'throttle', path: '/resourcegroups/', retryAfterSeconds: 0 });
  await expect(rm.resourceGroups.get(RG)).rejects.toMatchObject({ statusCode: 429 });
  dbl.inject({ kind: 'drop', method: 'PUT', path: 'userAssignedIdentities' });
  await expect(msi.userAssignedIdentities.createOrUpdate(RG, 'id-func', { location: 'westeurope' })).rejects.toThrow();
  expect(dbl.state.resources('Microsoft.ManagedIdentity/userAssignedIdentities')).toEqual([]);
  dbl.inject({ kind: 'lroFailed', method: 'PUT', path: 'storageAccounts' });
  await expect(st.storageAccounts.create(RG, 'stckdev01', { location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' }, poll)).rejects.toThrow();
  expect(dbl.state.resources('Microsoft.Storage/storageAccounts')).toEqual([]);
  expect(dbl.faultsFired().map((f) => f.kind)).toEqual(['throttle', 'drop', 'lroFailed']);
});

test('a body that breaks the contract is a violation, answered 500 DoubleContractViolation without a state change', async () => {
  dbl.seed({ resourceGroups: [{ name: RG }] });
  const res = await fetch(`${dbl.url}/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-x?api-version=2024-11-30`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${fakeJwt({ aud: 'https://management.azure.com' })}`, 'content-type': 'application/json' },
    body: JSON.stringify({ location: 42 }),
  });
  expect(res.status).toBe(500);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DoubleContractViolation');
  expect(dbl.violations).toHaveLength(1);
  expect(dbl.violations[0]).toMatchObject({ side: 'request', operationId: 'UserAssignedIdentities_CreateOrUpdate' });
  expect(dbl.violations[0].problems.join()).toMatch(/INVALID_TYPE/);
  expect(dbl.state.resources('Microsoft.ManagedIdentity/userAssignedIdentities')).toEqual([]);
  dbl.violations.length = 0;
});

test('listing a resource group (Resources_ListByResourceGroup): tracked resources with tags, not children or role assignments', async () => {
  dbl.seed({
    resourceGroups: [{ name: RG, location: 'westeurope', tags: TAGS }],
    storageAccounts: [{ resourceGroup: RG, name: 'stckdev01', tags: TAGS }],
    blobContainers: [{ resourceGroup: RG, account: 'stckdev01', name: 'app-package' }],
    identities: [
      { resourceGroup: RG, name: 'id-func', tags: TAGS },
      { resourceGroup: 'rg-other', name: 'id-keep' },
    ],
    sites: [{ resourceGroup: RG, name: 'func-adopted' }],
    roleAssignments: [{ scope: `/subscriptions/${SUB}/resourceGroups/${RG}`, roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c', principalId: '11111111-1111-4111-8111-111111111111' }],
  });
  const listed: Array<{ name?: string; type?: string; tags?: Record<string, string> }> = [];
  for await (const r of rm.resources.listByResourceGroup(RG)) listed.push({ name: r.name, type: r.type, tags: r.tags });
  expect(listed).toEqual([
    { name: 'id-func', type: 'Microsoft.ManagedIdentity/userAssignedIdentities', tags: TAGS },
    { name: 'stckdev01', type: 'Microsoft.Storage/storageAccounts', tags: TAGS },
    { name: 'func-adopted', type: 'Microsoft.Web/sites', tags: undefined },
  ]);
  await expect(rm.resources.listByResourceGroup('rg-missing').next()).rejects.toMatchObject({ statusCode: 404, code: 'ResourceGroupNotFound' });
  expect(dbl.writes()).toBe(0);
});
