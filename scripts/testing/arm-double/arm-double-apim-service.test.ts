/**
 * The APIM service resource of the ARM double through @azure/arm-apimanagement 10.0.0: create as a long-running
 * operation (Created → Activating → Succeeded), a client resuming from the saved operation URL, system identity,
 * name availability, delete, faults. Every request and response is oav-checked (`violations` stays empty).
 */
import type { ApiManagementServiceResource } from '@azure/arm-apimanagement';
import { ApiManagementClient } from '@azure/arm-apimanagement';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { fakeJwt, staticTokenCredential } from '../doubles-common';
import type { ArmDouble } from './index';
import { BUILTIN_ROLES, startArmDouble } from './index';

const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
const RG = 'rg-ck-dev';
const SVC = 'apim-ck-dev-x7';
const TAGS = { 'connectorkit-env': 'dev' };
const poll = { updateIntervalInMs: 1 };
let dbl: ArmDouble;
let apim: ApiManagementClient;

const body = (extra: Partial<ApiManagementServiceResource> = {}): ApiManagementServiceResource => ({
  location: 'West Europe',
  sku: { name: 'Consumption', capacity: 0 },
  publisherEmail: 'platform@contoso.example',
  publisherName: 'Contoso',
  identity: { type: 'SystemAssigned' },
  tags: TAGS,
  ...extra,
});

beforeAll(async () => {
  dbl = await startArmDouble({ subscriptionId: SUB, apimServicePolls: 3, takenNames: { apim: ['apim-taken-elsewhere'] } });
  apim = new ApiManagementClient(staticTokenCredential(), SUB, {
    $host: dbl.url,
    endpoint: dbl.url,
    credentialScopes: ['https://management.azure.com/.default'],
    retryOptions: { maxRetries: 0 },
  });
});
afterAll(() => dbl.close());
beforeEach(() => {
  dbl.reset();
  dbl.seed({ resourceGroups: [{ name: RG, location: 'West Europe', tags: TAGS }] });
});
afterEach(() => expect(dbl.violations).toEqual([]));

const ops = () => dbl.requests.map((r) => `${r.method} ${r.operationId ?? '?'} ${r.status}`);
const states = () => dbl.state.get(dbl.ids.service(RG, SVC))?.properties.provisioningState;

test('beginCreateOrUpdateAndWait: 201 Created, Activating while polled, then Succeeded with gateway URL, identity, tags', async () => {
  const seen: unknown[] = [];
  const svc = await apim.apiManagementService.beginCreateOrUpdateAndWait(RG, SVC, body(), { ...poll, onResponse: () => seen.push(states()) });
  expect(svc).toMatchObject({
    name: SVC,
    provisioningState: 'Succeeded',
    gatewayUrl: `https://${SVC}.azure-api.net`,
    sku: { name: 'Consumption', capacity: 0 },
    tags: TAGS,
    identity: { type: 'SystemAssigned', tenantId: expect.any(String), principalId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
  });
  expect(ops()).toEqual([
    'PUT ApiManagementService_CreateOrUpdate 201',
    'GET poll 200',
    'GET poll 200',
    'GET poll 200',
    'GET poll 200',
    'GET ApiManagementService_Get 200', // final GET of the original URI (PUT default)
  ]);
  expect(seen).toEqual(['Created', 'Activating', 'Activating', 'Activating', 'Succeeded', 'Succeeded']);
  const created = dbl.requests[0];
  expect(created.write).toBe(true);
  expect(dbl.writes()).toBe(1);
  // A second identical PUT is an update: 200 at once, no LRO, same principal.
  const again = await apim.apiManagementService.beginCreateOrUpdateAndWait(RG, SVC, body(), poll);
  expect(again.identity?.principalId).toBe(svc.identity?.principalId);
  expect(dbl.requests.at(-1)).toMatchObject({ method: 'PUT', status: 200 });
});

test('the system identity is a known principal: a role assignment to it passes the strict principal check', async () => {
  const svc = await apim.apiManagementService.beginCreateOrUpdateAndWait(RG, SVC, body(), poll);
  const authz = new AuthorizationManagementClient(staticTokenCredential(), SUB, { $host: dbl.url, endpoint: dbl.url, retryOptions: { maxRetries: 0 } });
  const scope = dbl.ids.resourceGroup(RG).slice(1); // the SDK's path template is '/{scope}/providers/…'
  const ra = await authz.roleAssignments.create(scope, '3f2a0c1e-6b5d-4f7a-9c1e-2b3d4e5f6a7b', {
    roleDefinitionId: dbl.ids.roleDefinition(Object.keys(BUILTIN_ROLES)[0]),
    principalId: svc.identity!.principalId!,
    principalType: 'ServicePrincipal',
  });
  expect(ra.principalId).toBe(svc.identity?.principalId);
});

test('a client resumes from the saved Azure-AsyncOperation URL after an interruption, and a GET of the service counts as a poll', async () => {
  const res = await apim.apiManagementService.beginCreateOrUpdate(RG, SVC, body(), poll); // PUT + one poll, not awaited to the end
  const saved = JSON.parse(res.toString()) as { state: { config: { operationLocation: string } } };
  const url = saved.state.config.operationLocation;
  expect(url).toBe(`${dbl.url}${dbl.ids.service(RG, SVC)}/operationresults/${url.split('/operationresults/')[1].split('?')[0]}?api-version=2024-05-01&asyncResponse`);
  // "Interrupted": a new process reads the service (1 poll: Activating), then polls the saved URL itself.
  expect((await apim.apiManagementService.get(RG, SVC)).provisioningState).toBe('Activating');
  const auth = { authorization: `Bearer ${fakeJwt({ aud: 'https://management.azure.com' })}` };
  const statuses: string[] = [];
  for (let i = 0; i < 5; i++) {
    const r = (await (await fetch(url, { headers: auth })).json()) as { status: string };
    statuses.push(r.status);
    if (r.status !== 'InProgress') break;
  }
  expect(statuses).toEqual(['InProgress', 'Succeeded']); // polls 3 and 4 of apimServicePolls (3) + 1
  expect((await apim.apiManagementService.get(RG, SVC)).provisioningState).toBe('Succeeded');
  // The SDK's own resume from the serialized poller state also works (the operation is done).
  const resumed = await apim.apiManagementService.beginCreateOrUpdateAndWait(RG, SVC, body(), { ...poll, resumeFrom: res.toString() });
  expect(resumed.provisioningState).toBe('Succeeded');
});

test('a PUT while the create is still activating is 409 Conflict; nothing changes', async () => {
  await apim.apiManagementService.beginCreateOrUpdate(RG, SVC, body(), poll);
  await expect(apim.apiManagementService.beginCreateOrUpdateAndWait(RG, SVC, body({ tags: { other: 'x' } }), poll)).rejects.toMatchObject({ statusCode: 409, code: 'Conflict' });
  expect(dbl.state.get(dbl.ids.service(RG, SVC))?.top?.tags).toEqual(TAGS);
});

test('GET of a missing service is 404 ResourceNotFound', async () => {
  await expect(apim.apiManagementService.get(RG, 'apim-none')).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
});

test('name availability: invalid, taken elsewhere, existing here, free; a create of a taken name is 409 ServiceAlreadyExists', async () => {
  await apim.apiManagementService.beginCreateOrUpdateAndWait(RG, SVC, body(), poll);
  const check = (name: string) => apim.apiManagementService.checkNameAvailability({ name });
  expect(await check('1-bad-')).toMatchObject({ nameAvailable: false, reason: 'Invalid' });
  expect(await check('apim-taken-elsewhere')).toMatchObject({ nameAvailable: false, reason: 'AlreadyExists' });
  expect(await check(SVC.toUpperCase())).toMatchObject({ nameAvailable: false, reason: 'AlreadyExists' });
  expect(await check('apim-free-01')).toMatchObject({ nameAvailable: true, reason: 'Valid' });
  const before = dbl.writes();
  await expect(apim.apiManagementService.beginCreateOrUpdateAndWait(RG, 'apim-taken-elsewhere', body(), poll)).rejects.toMatchObject({
    statusCode: 409,
    code: 'ServiceAlreadyExists',
  });
  expect(dbl.writes()).toBe(before + 1); // name checks are not writes
  expect(dbl.state.resources('Microsoft.ApiManagement/service').map((e) => e.name)).toEqual([SVC]);
});

test('delete is an LRO (202, Deleting, polled after the service is gone); deleting an absent service is 204', async () => {
  dbl.seed({ apimServices: [{ resourceGroup: RG, name: SVC, skuName: 'Consumption' }] });
  const poller = await apim.apiManagementService.beginDelete(RG, SVC, poll);
  expect(states()).toBe('Deleting');
  await poller.pollUntilDone();
  expect(dbl.state.resources('Microsoft.ApiManagement/service')).toEqual([]);
  expect(ops().filter((o) => !o.startsWith('GET ApiManagementService_Get'))).toEqual(['DELETE ApiManagementService_Delete 202', 'GET poll 200', 'GET poll 200']);
  await apim.apiManagementService.beginDeleteAndWait(RG, SVC, poll);
  expect(dbl.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 204 });
});

test('faults on the service routes: throttle, lroFailed rolls a create back, a dropped PUT leaves nothing', async () => {
  dbl.inject({ kind: 'throttle', method: 'POST', path: 'checkNameAvailability', retryAfterSeconds: 0 });
  await expect(apim.apiManagementService.checkNameAvailability({ name: SVC })).rejects.toMatchObject({ statusCode: 429 });
  dbl.inject({ kind: 'lroFailed', method: 'PUT', path: '/service/' });
  await expect(apim.apiManagementService.beginCreateOrUpdateAndWait(RG, SVC, body(), poll)).rejects.toThrow(/OperationFailed|failed/i);
  expect(dbl.state.resources('Microsoft.ApiManagement/service')).toEqual([]);
  dbl.inject({ kind: 'drop', method: 'PUT', path: '/service/' });
  await expect(apim.apiManagementService.beginCreateOrUpdateAndWait(RG, SVC, body(), poll)).rejects.toThrow();
  expect(dbl.state.resources('Microsoft.ApiManagement/service')).toEqual([]);
  const ok = await apim.apiManagementService.beginCreateOrUpdateAndWait(RG, SVC, body(), poll);
  expect(ok.provisioningState).toBe('Succeeded');
  expect(dbl.faultsFired().map((f) => f.kind)).toEqual(['throttle', 'lroFailed', 'drop']);
});
