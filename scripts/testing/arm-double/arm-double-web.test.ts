import { WebSiteManagementClient } from '@azure/arm-appservice';
import { staticTokenCredential } from '../doubles-common';
import type { ArmDouble } from './index';
import { startArmDouble } from './index';

const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
const RG = 'rg-ck';
let dbl: ArmDouble;
let web: WebSiteManagementClient;

beforeAll(async () => {
  dbl = await startArmDouble({ subscriptionId: SUB });
  web = new WebSiteManagementClient(staticTokenCredential(), SUB, { endpoint: dbl.url, retryOptions: { maxRetries: 0 } });
});
afterAll(() => dbl.close());
beforeEach(() => {
  dbl.reset();
  dbl.seed({
    sites: [
      { resourceGroup: RG, name: 'func-flex', hostKeys: { masterKey: 'mk-secret', functionKeys: { default: 'fk-secret', 'apim-apim-ck': 'apim-secret' } } },
      { resourceGroup: RG, name: 'func-premium', flex: false, appSettings: { FUNCTIONS_EXTENSION_VERSION: '~4' } },
    ],
  });
});
afterEach(() => expect(dbl.violations).toEqual([]));

test('sites.get tells Flex Consumption (functionAppConfig) from other plans', async () => {
  const flex = await web.webApps.get(RG, 'func-flex');
  expect(flex.defaultHostName).toBe('func-flex.azurewebsites.net');
  expect(flex.id).toBe(dbl.ids.site(RG, 'func-flex'));
  expect(flex.functionAppConfig?.runtime?.name).toBe('node');
  const premium = await web.webApps.get(RG, 'func-premium');
  expect(premium.functionAppConfig).toBeUndefined();
  expect(premium.kind).toBe('functionapp');
  expect(dbl.requests.map((r) => `${r.method} ${r.apiVersion} ${r.operationId}`)).toEqual(['GET 2025-05-01 WebApps_Get', 'GET 2025-05-01 WebApps_Get']);
});

test('listHostKeys returns the function keys (a POST that is not a write)', async () => {
  const keys = await web.webApps.listHostKeys(RG, 'func-flex');
  expect(keys.functionKeys).toEqual({ default: 'fk-secret', 'apim-apim-ck': 'apim-secret' });
  expect(keys.masterKey).toBe('mk-secret');
  expect(dbl.writes()).toBe(0);
});

test('app settings list and update', async () => {
  expect((await web.webApps.listApplicationSettings(RG, 'func-premium')).properties).toEqual({ FUNCTIONS_EXTENSION_VERSION: '~4' });
  await web.webApps.updateApplicationSettings(RG, 'func-premium', { properties: { A: '1' } });
  expect((await web.webApps.listApplicationSettings(RG, 'func-premium')).properties).toEqual({ A: '1' });
  expect(dbl.writes()).toBe(1);
});

test('a missing site is a 404 ResourceNotFound; a denied action is 403 AuthorizationFailed', async () => {
  await expect(web.webApps.get(RG, 'nope')).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
  dbl.setDenyActions(['Microsoft.Web/sites/host/listkeys/action']);
  await expect(web.webApps.listHostKeys(RG, 'func-flex')).rejects.toMatchObject({
    statusCode: 403,
    code: 'AuthorizationFailed',
    message: expect.stringContaining("perform action 'Microsoft.Web/sites/host/listkeys/action' over scope"),
  });
});
