import { ClientSecretCredential } from '@azure/identity';
import { jwtVerify, createRemoteJWKSet, decodeJwt } from 'jose';
import { startTokenDouble, type TokenDouble } from './token-double';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0b1c2d3e-0000-4000-8000-000000000001';
const SECRET = 'token-double-test-secret-value';

describe('token double', () => {
  let d: TokenDouble;
  beforeAll(async () => {
    d = await startTokenDouble({ tenantId: TENANT, clients: { [CLIENT]: SECRET } });
  });
  afterAll(() => d.close());

  it('serves @azure/identity through authorityHost + disableInstanceDiscovery and mints a verifiable JWT per audience', async () => {
    const cred = new ClientSecretCredential(TENANT, CLIENT, SECRET, { authorityHost: d.authorityHost, disableInstanceDiscovery: true });
    const arm = await cred.getToken('https://management.azure.com/.default');
    const graph = await cred.getToken('https://graph.microsoft.com/.default');
    expect(decodeJwt(arm!.token).aud).toBe('https://management.azure.com');
    expect(decodeJwt(graph!.token).aud).toBe('https://graph.microsoft.com');
    const jwks = createRemoteJWKSet(new URL(`${d.url}/${TENANT}/discovery/v2.0/keys`));
    const { payload } = await jwtVerify(arm!.token, jwks, { issuer: `${d.url}/${TENANT}/v2.0` });
    expect(payload).toMatchObject({ tid: TENANT, azp: CLIENT, idtyp: 'app' });
    // What MSAL node actually asks for: the v2 metadata, then the token endpoint (once per audience; then cached).
    const seen = d.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`);
    expect(seen).toContain(`GET /${TENANT}/v2.0/.well-known/openid-configuration`);
    expect(seen.filter((s) => s === `POST /${TENANT}/oauth2/v2.0/token`)).toHaveLength(2);
    expect(d.violations).toEqual([]);
  });

  it('rejects a wrong secret with the AADSTS error shape', async () => {
    const cred = new ClientSecretCredential(TENANT, CLIENT, 'wrong-secret-value', { authorityHost: d.authorityHost, disableInstanceDiscovery: true });
    await expect(cred.getToken('https://management.azure.com/.default')).rejects.toThrow(/AADSTS7000215/);
  });

  it('fails loudly on an unmatched request, naming method and URL', async () => {
    const r = await fetch(`${d.url}/${TENANT}/oauth2/v2.0/devicecode`, { method: 'POST' });
    expect(r.status).toBe(404);
    expect(JSON.stringify(await r.json())).toContain(`POST /${TENANT}/oauth2/v2.0/devicecode`);
    expect(d.violations).toEqual([`POST /${TENANT}/oauth2/v2.0/devicecode`]);
    d.violations.length = 0;
  });

  it('injects faults (503 then success through the credential retry)', async () => {
    d.inject({ kind: '503', match: /token$/ });
    const cred = new ClientSecretCredential(TENANT, CLIENT, SECRET, { authorityHost: d.authorityHost, disableInstanceDiscovery: true, retryOptions: { maxRetries: 2, retryDelayInMs: 1 } });
    const t = await cred.getToken('https://example.test/.default').catch((e: Error) => e);
    // MSAL surfaces the 503 or succeeds on its retry; either way the fault was served with the AAD shape.
    expect(d.requests.some((r) => r.fault === '503' && r.status === 503)).toBe(true);
    expect(t).toBeDefined();
  });
});
