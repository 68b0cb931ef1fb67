import { ApiManagementClient } from '@azure/arm-apimanagement';
import { ClientSecretCredential } from '@azure/identity';
import { fakeJwt, jwksVerifier } from '../doubles-common';
import { startTokenDouble, type TokenDouble } from '../token-double/token-double';
import type { ArmDouble } from './index';
import { startArmDouble } from './index';

const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '5d6e7f80-0000-4000-8000-00000000c11e';
let token: TokenDouble;
let arm: ArmDouble;

beforeAll(async () => {
  token = await startTokenDouble({ tenantId: TENANT, clients: { [CLIENT]: 'secret-value' } });
  arm = await startArmDouble({
    subscriptionId: SUB,
    auth: { issuers: [`${token.url}/${TENANT}/v2.0`], verifyToken: jwksVerifier(`${token.url}/${TENANT}/discovery/v2.0/keys`) },
  });
  arm.seed({ apimServices: [{ resourceGroup: 'rg', name: 'apim-ck' }] });
});
afterAll(() => Promise.all([arm.close(), token.close()]));

test('accepts a real token from the token authority double (issuer + JWKS signature), rejects a forged one', async () => {
  const cred = new ClientSecretCredential(TENANT, CLIENT, 'secret-value', { authorityHost: token.authorityHost, disableInstanceDiscovery: true });
  const client = new ApiManagementClient(cred, SUB, { $host: arm.url, endpoint: arm.url, credentialScopes: ['https://management.azure.com/.default'] });
  expect((await client.apiManagementService.get('rg', 'apim-ck')).gatewayUrl).toBe('https://apim-ck.azure-api.net');
  const forged = fakeJwt({ aud: 'https://management.azure.com', iss: `${token.url}/${TENANT}/v2.0` });
  const r = await fetch(`${arm.url}${arm.ids.service('rg', 'apim-ck')}?api-version=2024-05-01`, { headers: { authorization: `Bearer ${forged}` } });
  expect(r.status).toBe(401);
  expect(((await r.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
  expect(arm.violations).toEqual([]);
});
