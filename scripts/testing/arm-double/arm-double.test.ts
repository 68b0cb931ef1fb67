import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiManagementClient } from '@azure/arm-apimanagement';
import { fakeJwt, staticTokenCredential } from '../doubles-common';
import type { ArmDouble } from './index';
import { startArmDouble } from './index';

const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
const RG = 'rg-ck';
const SVC = 'apim-ck';
const swagger = fs.readFileSync(path.join(__dirname, 'testdata/petstore.json'), 'utf8');
const poll = { updateIntervalInMs: 1 };

let dbl: ArmDouble;
let client: ApiManagementClient;

function sdk(retries = 0): ApiManagementClient {
  return new ApiManagementClient(staticTokenCredential(), SUB, {
    $host: dbl.url,
    endpoint: dbl.url,
    credentialScopes: ['https://management.azure.com/.default'],
    retryOptions: { maxRetries: retries, retryDelayInMs: 1, maxRetryDelayInMs: 5 },
  });
}

async function status(p: Promise<unknown>): Promise<{ statusCode?: number; code?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { statusCode?: number; code?: string; message: string };
    return { statusCode: err.statusCode, code: err.code, message: err.message };
  }
  throw new Error('expected a failure');
}

const importBody = (doc = swagger) => ({ path: 'pets', displayName: 'Pets', format: 'swagger-json', value: doc, protocols: ['https'], subscriptionRequired: false });

beforeAll(async () => {
  dbl = await startArmDouble({ subscriptionId: SUB, pageSize: 2 });
  client = sdk();
});
afterAll(() => dbl.close());
beforeEach(() => {
  dbl.reset();
  dbl.seed({ apimServices: [{ resourceGroup: RG, name: SVC }], products: [{ resourceGroup: RG, service: SVC, productId: 'starter' }] });
});
afterEach(() => {
  if (expect.getState().currentTestName?.includes('[violations expected]')) return;
  expect(dbl.violations).toEqual([]);
});

test('service GET returns the gateway URL', async () => {
  const s = await client.apiManagementService.get(RG, SVC);
  expect(s.gatewayUrl).toBe('https://apim-ck.azure-api.net');
  expect(dbl.writes()).toBe(0);
});

test('swagger-json import creates normalised operations (LRO), lists them with nextLink paging, re-import deletes unmatched', async () => {
  const api = await client.api.beginCreateOrUpdateAndWait(RG, SVC, 'pets', importBody(), poll);
  expect(api.provisioningState).toBe('Succeeded');
  expect(api.serviceUrl).toBe('https://func-ck.azurewebsites.net/api');
  const seq = dbl.requests.map((r) => `${r.method} ${r.operationId}`);
  expect(seq).toEqual(['PUT Api_CreateOrUpdate', 'GET poll', 'GET poll', 'GET Api_Get']);
  const ops = [];
  for await (const o of client.apiOperation.listByApi(RG, SVC, 'pets')) ops.push(o);
  expect(ops.map((o) => `${o.name} ${o.method} ${o.urlTemplate}`).sort()).toEqual([
    'pets-create POST /pets',
    'pets-delete DELETE /pets/{petId}',
    'pets-get GET /pets/{petId}',
    'pets-list GET /pets',
    'search GET /search?q={q}',
  ]);
  expect(dbl.requests.filter((r) => r.operationId === 'ApiOperation_ListByApi')).toHaveLength(3);
  const doc = JSON.parse(swagger);
  delete doc.paths['/search'];
  await client.api.beginCreateOrUpdateAndWait(RG, SVC, 'pets', importBody(JSON.stringify(doc)), poll);
  const names = dbl.state.resources('Microsoft.ApiManagement/service/apis/operations').map((o) => o.name);
  expect(names).not.toContain('search');
  expect(names).toHaveLength(4);
  expect(dbl.writes()).toBe(2);
});

test('named value (LRO) hides secret values; listValue reveals it', async () => {
  const nv = await client.namedValue.beginCreateOrUpdateAndWait(RG, SVC, 'fn-key', { displayName: 'fn-key', value: 's3cret', secret: true }, poll);
  expect(nv.value).toBeUndefined();
  expect((await client.namedValue.get(RG, SVC, 'fn-key')).value).toBeUndefined();
  expect((await client.namedValue.listValue(RG, SVC, 'fn-key')).value).toBe('s3cret');
});

test('backend credentials and API policy must reference existing named values; policy XML must be well-formed', async () => {
  const be = { url: 'https://func-ck.azurewebsites.net/api', protocol: 'http', credentials: { header: { 'x-functions-key': ['{{fn-key}}'] } } };
  expect(await status(client.backend.createOrUpdate(RG, SVC, 'func', be))).toMatchObject({ statusCode: 400, code: 'ValidationError' });
  await client.namedValue.beginCreateOrUpdateAndWait(RG, SVC, 'fn-key', { displayName: 'fn-key', value: 'v', secret: true }, poll);
  expect((await client.backend.createOrUpdate(RG, SVC, 'func', be)).credentials?.header).toEqual({ 'x-functions-key': ['{{fn-key}}'] });
  await client.api.beginCreateOrUpdateAndWait(RG, SVC, 'pets', importBody(), poll);
  const xml =
    '<policies><inbound><base /><set-backend-service backend-id="func" /><set-header name="x" exists-action="override"><value>@(context.Request.Headers.GetValueOrDefault("a","") => 1 < 2)</value></set-header></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>';
  const put = await client.apiPolicy.createOrUpdate(RG, SVC, 'pets', 'policy', { value: xml, format: 'rawxml' });
  expect((put as { eTag?: string }).eTag).toMatch(/^".+"$/);
  // azure-sdk-for-js#31566: apiPolicy.get is an isXML operation, so the SDK drops the JSON body APIM sends
  // (value undefined). Read the raw body through onResponse instead.
  let raw = '';
  const got = await client.apiPolicy.get(RG, SVC, 'pets', 'policy', {
    format: 'rawxml',
    onResponse: (r) => {
      raw = r.bodyAsText ?? '';
    },
  });
  expect(got.value).toBeUndefined();
  expect(JSON.parse(raw).properties).toEqual({ value: xml, format: 'rawxml' });
  expect(await status(client.apiPolicy.createOrUpdate(RG, SVC, 'pets', 'policy', { value: '<policies><inbound>', format: 'rawxml' }))).toMatchObject({ statusCode: 400, code: 'ValidationError' });
  const missing = await status(
    client.apiPolicy.createOrUpdate(RG, SVC, 'pets', 'policy', { value: '<policies><inbound><set-header name="k"><value>{{nope}}</value></set-header></inbound></policies>', format: 'rawxml' }),
  );
  expect(missing.statusCode).toBe(400);
});

test('product membership: PUT, HEAD (204), DELETE', async () => {
  await client.api.beginCreateOrUpdateAndWait(RG, SVC, 'pets', importBody(), poll);
  const link = await client.productApi.createOrUpdate(RG, SVC, 'starter', 'pets');
  expect(link.path).toBe('pets');
  await expect(client.productApi.checkEntityExists(RG, SVC, 'starter', 'pets')).resolves.toBeDefined();
  await client.productApi.delete(RG, SVC, 'starter', 'pets');
  expect(await status(client.productApi.checkEntityExists(RG, SVC, 'starter', 'pets'))).toMatchObject({ statusCode: 404 });
  expect((await client.product.get(RG, SVC, 'starter')).displayName).toBe('starter');
});

test('ETags: stale If-Match → 412, * and current ETag pass; DELETE is an LRO', async () => {
  await client.api.beginCreateOrUpdateAndWait(RG, SVC, 'pets', importBody(), poll);
  const { eTag } = await client.api.getEntityTag(RG, SVC, 'pets');
  expect(eTag).toMatch(/^".+"$/);
  await client.api.beginCreateOrUpdateAndWait(RG, SVC, 'pets', importBody(), { ...poll, ifMatch: eTag });
  expect(await status(client.api.beginCreateOrUpdateAndWait(RG, SVC, 'pets', importBody(), { ...poll, ifMatch: eTag }))).toMatchObject({ statusCode: 412, code: 'PreconditionFailed' });
  await client.api.beginCreateOrUpdateAndWait(RG, SVC, 'pets', importBody(), { ...poll, ifMatch: '*' });
  await client.api.beginDeleteAndWait(RG, SVC, 'pets', '*', poll);
  expect(await status(client.api.get(RG, SVC, 'pets'))).toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
  expect(dbl.state.resources('Microsoft.ApiManagement/service/apis/operations')).toEqual([]);
});

test('every other served APIM operation round-trips through the SDK with spec-valid answers', async () => {
  await client.api.beginCreateOrUpdateAndWait(RG, SVC, 'pets', importBody(), poll);
  const all = async <T>(it: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const x of it) out.push(x);
    return out;
  };
  expect((await all(client.api.listByService(RG, SVC))).map((a) => a.name)).toEqual(['pets']);
  await client.product.createOrUpdate(RG, SVC, 'connectors', { displayName: 'Connectors', subscriptionRequired: false, state: 'published' });
  await client.productApi.createOrUpdate(RG, SVC, 'connectors', 'pets');
  expect((await all(client.productApi.listByProduct(RG, SVC, 'connectors'))).map((a) => a.name)).toEqual(['pets']);
  expect((await all(client.apiProduct.listByApis(RG, SVC, 'pets'))).map((p) => p.name)).toEqual(['connectors']);
  expect((await client.product.getEntityTag(RG, SVC, 'connectors')).eTag).toBeTruthy();
  await client.backend.createOrUpdate(RG, SVC, 'func', {
    url: 'https://func-ck.azurewebsites.net/api',
    protocol: 'http',
    resourceId: 'https://management.azure.com/subscriptions/x/resourceGroups/rg/providers/Microsoft.Web/sites/func-ck',
  });
  expect((await client.backend.get(RG, SVC, 'func')).url).toBe('https://func-ck.azurewebsites.net/api');
  const { eTag } = await client.backend.getEntityTag(RG, SVC, 'func');
  expect((await all(client.backend.listByService(RG, SVC))).map((b) => b.name)).toEqual(['func']);
  await client.backend.delete(RG, SVC, 'func', eTag!);
  await client.namedValue.beginCreateOrUpdateAndWait(RG, SVC, 'plain', { displayName: 'plain', value: 'visible' }, poll);
  expect((await all(client.namedValue.listByService(RG, SVC))).map((n) => [n.name, n.value])).toEqual([['plain', 'visible']]);
  await client.namedValue.delete(RG, SVC, 'plain', '*');
  await client.apiPolicy.createOrUpdate(RG, SVC, 'pets', 'policy', { value: '<policies><inbound><base /></inbound></policies>' });
  expect((await client.apiPolicy.getEntityTag(RG, SVC, 'pets', 'policy')).eTag).toBeTruthy();
  await client.apiPolicy.delete(RG, SVC, 'pets', 'policy', '*');
  expect(
    dbl.state
      .resources()
      .map((e) => e.type)
      .sort(),
  ).toEqual([
    'Microsoft.ApiManagement/service',
    'Microsoft.ApiManagement/service/apis',
    ...Array(5).fill('Microsoft.ApiManagement/service/apis/operations'),
    'Microsoft.ApiManagement/service/products',
    'Microsoft.ApiManagement/service/products',
    'Microsoft.ApiManagement/service/products/apis',
    'Microsoft.Resources/resourceGroups', // seeding the service created its group
  ]);
});

describe('faults', () => {
  const cases: Array<[string, number, string]> = [
    ['throttle', 429, 'TooManyRequests'],
    ['serverError', 500, 'InternalServerError'],
    ['unavailable', 503, 'ServiceUnavailable'],
    ['conflict', 409, 'PessimisticConcurrencyConflict'],
    ['preconditionFailed', 412, 'PreconditionFailed'],
    ['authorizationFailed', 403, 'AuthorizationFailed'],
  ];
  test.each(cases)('%s before handling → %d %s, no state change', async (kind, code, armCode) => {
    dbl.inject({ kind: kind as never, method: 'PUT', path: '/backends/' });
    const r = await status(client.backend.createOrUpdate(RG, SVC, 'b1', { url: 'https://x.example/api', protocol: 'http' }));
    expect(r).toMatchObject({ statusCode: code, code: armCode });
    if (kind === 'authorizationFailed')
      expect(r.message).toMatch(/^The client '.+' with object id '.+' does not have authorization to perform action 'Microsoft.ApiManagement\/service\/backends\/write' over scope '.+'/);
    expect(dbl.state.resources('Microsoft.ApiManagement/service/backends')).toEqual([]);
  });

  test('lroFailed: the poller fails and the import is rolled back', async () => {
    dbl.inject({ kind: 'lroFailed' });
    const r = await status(client.api.beginCreateOrUpdateAndWait(RG, SVC, 'pets', importBody(), poll));
    expect(r.message).toMatch(/lroFailed|failed/i);
    expect(dbl.state.resources('Microsoft.ApiManagement/service/apis')).toEqual([]);
    expect(dbl.state.resources('Microsoft.ApiManagement/service/apis/operations')).toEqual([]);
  });

  test('drop (before handling) leaves no state; dropAfterWrite keeps the write', async () => {
    dbl.inject({ kind: 'drop', method: 'PUT' });
    expect((await status(client.backend.createOrUpdate(RG, SVC, 'b1', { url: 'https://x.example/api', protocol: 'http' }))).code).toMatch(/ECONNRESET|socket hang up/i);
    expect(dbl.state.resources('Microsoft.ApiManagement/service/backends')).toEqual([]);
    dbl.inject({ kind: 'dropAfterWrite', method: 'PUT' });
    await status(client.backend.createOrUpdate(RG, SVC, 'b1', { url: 'https://x.example/api', protocol: 'http' }));
    expect(dbl.state.resources('Microsoft.ApiManagement/service/backends')).toHaveLength(1);
  });

  test('seeded rate: a retrying client converges and the schedule is reproducible', async () => {
    const retrying = sdk(8);
    const run = async () => {
      dbl.reset();
      dbl.seed({ apimServices: [{ resourceGroup: RG, name: SVC }] });
      dbl.setFaultRate(0.3, ['throttle', 'serverError', 'unavailable', 'drop'], 42);
      for (let i = 0; i < 5; i++) await retrying.backend.createOrUpdate(RG, SVC, `b${i}`, { url: 'https://x.example/api', protocol: 'http' });
      return dbl
        .faultsFired()
        .map((f) => f.kind)
        .join(',');
    };
    const first = await run();
    expect(first).not.toBe('');
    expect(await run()).toBe(first);
    expect(dbl.state.resources('Microsoft.ApiManagement/service/backends')).toHaveLength(5);
  });
});

describe('loud failures [violations expected]', () => {
  const put = (url: string, body: unknown, token = fakeJwt({ aud: 'https://management.azure.com' })) =>
    fetch(url, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const apiUrl = () => `${dbl.url}${dbl.ids.service(RG, SVC)}/apis/pets?api-version=2024-05-01`;

  test('a request missing a required property is a DoubleContractViolation [violations expected]', async () => {
    const r = await put(apiUrl(), { properties: { displayName: 'x' } });
    expect(r.status).toBe(500);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('DoubleContractViolation');
    expect(dbl.violations[0]).toMatchObject({ side: 'request', operationId: 'Api_CreateOrUpdate' });
    expect(dbl.violations[0].problems.join()).toMatch(/OBJECT_MISSING_REQUIRED_PROPERTY/);
    expect(dbl.state.resources('Microsoft.ApiManagement/service/apis')).toEqual([]);
  });

  test('DELETE without the required If-Match is a violation (oav 4.0.3 misses it; the double checks) [violations expected]', async () => {
    const r = await fetch(apiUrl(), { method: 'DELETE', headers: { authorization: `Bearer ${fakeJwt({ aud: 'https://management.azure.com' })}` } });
    expect(r.status).toBe(500);
    expect(dbl.violations[0].problems).toEqual(['MISSING_REQUIRED_PARAMETER at /headers/if-match: Value is required but was not provided']);
  });

  test('an answer that breaks the spec is caught on the response side [violations expected]', async () => {
    dbl.seed({ backends: [{ resourceGroup: RG, service: SVC, id: 'bad', properties: { url: 'https://x', protocol: 'http', credentials: { header: { 'x-functions-key': 'not-an-array' } } } }] });
    expect(await status(client.backend.get(RG, SVC, 'bad'))).toMatchObject({ statusCode: 500, code: 'DoubleContractViolation' });
    expect(dbl.violations[0]).toMatchObject({ side: 'response', operationId: 'Backend_Get' });
    expect(dbl.violations[0].problems.join()).toMatch(/INVALID_TYPE/);
  });

  test('an unmatched request names its method and URL [violations expected]', async () => {
    const r = await put(`${dbl.url}${dbl.ids.service(RG, SVC)}/widgets/w1?api-version=2024-05-01`, {});
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/^PUT https:\/\/127\.0\.0\.1:\d+\/subscriptions\/.+\/widgets\/w1/);
    expect(dbl.violations[0].side).toBe('unmatched');
  });

  test('missing or wrong-audience token → 401', async () => {
    const none = await fetch(apiUrl(), { method: 'GET' });
    expect(none.status).toBe(401);
    const wrong = await fetch(apiUrl(), { headers: { authorization: `Bearer ${fakeJwt({ aud: 'https://graph.microsoft.com' })}` } });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationTokenAudience');
    expect(dbl.violations).toEqual([]);
  });
});
