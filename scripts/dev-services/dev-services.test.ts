import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { mintDevToken } from '../auth-dev';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../config';
import { RecordingIoHost } from '../core/io';
import { startDevServices } from './index';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ck-devsvc-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', connectorkit: { auth: { scope: 'user_impersonation', appRoles: ['Employees.ReadWrite.All'] } } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startDevServices', () => {
  it('starts Azurite and the dev issuer and returns the app settings (UseDevelopmentStorage=true still gets Azurite)', async () => {
    writeFileSync(path.join(dir, 'local.settings.json'), JSON.stringify({ IsEncrypted: false, Values: { AzureWebJobsStorage: 'UseDevelopmentStorage=true' } }));
    const loaded = loadConfig({ cwd: dir, env: {} });
    const dev = await startDevServices(loaded, new RecordingIoHost(), { issuerPort: 0, processEnv: {}, storageLocation: path.join(dir, 'az'), keyFile: path.join(dir, 'key.json') });
    try {
      expect(dev.env.AzureWebJobsStorage).toMatch(/^DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;.*TableEndpoint=http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1;$/);
      expect(dev.env).toMatchObject({ AUTH_REQUIRED_SCOPE: 'user_impersonation', AUTH_APP_ROLES: 'Employees.ReadWrite.All' });
      expect(dev.env.AUTH_ISSUERS!.split(',')).toEqual([`${dev.urls.issuer}/${dev.env.AUTH_TENANT_ID}/`, `${dev.urls.issuer}/${dev.env.AUTH_TENANT_ID}/v2.0`]);
      const md = (await (await fetch(dev.env.AUTH_OPENID_CONFIG_URLS!.split(',')[0]!)).json()) as { issuer: string };
      expect(md.issuer).toBe(`${dev.urls.issuer}/${dev.env.AUTH_TENANT_ID}/v2.0`);
      expect(dev.docs?.initOAuth).toMatchObject({ usePkceWithAuthorizationCodeGrant: true });
    } finally {
      await dev.stop();
    }
    await expect(fetch(`${dev.urls.issuer}/token`)).rejects.toThrow();
  });

  it('records the running issuer so `connectorkit token` signs for it, not for the configured port', async () => {
    writeFileSync(path.join(dir, 'local.settings.json'), JSON.stringify({ Values: { AzureWebJobsStorage__accountName: 'contosohr' } }));
    const keyFile = path.join(dir, 'dev-issuer', 'signing-key.json');
    const running = path.join(dir, 'dev-issuer', 'running.json');
    const loaded = loadConfig({ cwd: dir, env: {} });
    expect(loaded.config.serve.issuerPort).toBe(7072); // the token command's fallback, while serve runs elsewhere
    const mint = () => mintDevToken({ keyFile, issuerPort: loaded.config.serve.issuerPort, scopes: ['user_impersonation'], version: '2.0', expiresInSeconds: 600 });
    const dev = await startDevServices(loaded, new RecordingIoHost(), { issuerPort: 0, processEnv: {}, keyFile });
    try {
      expect(JSON.parse(readFileSync(running, 'utf8'))).toEqual({ url: dev.urls.issuer, pid: process.pid });
      const token = await mint();
      expect(token.issuerSource).toBe('running');
      // What the API checks: signature against the issuer's JWKS, iss among AUTH_ISSUERS, aud.
      const jwks = createRemoteJWKSet(new URL(`${dev.urls.issuer}/${dev.env.AUTH_TENANT_ID}/discovery/v2.0/keys`));
      await expect(jwtVerify(token.accessToken, jwks, { issuer: dev.env.AUTH_ISSUERS!.split(','), audience: dev.env.AUTH_AUDIENCES!.split(',') })).resolves.toBeDefined();
    } finally {
      await dev.stop();
    }
    expect(existsSync(running)).toBe(false);
    expect((await mint()).issuerSource).toBe('config');
  });

  it('skips Azurite when a real connection is configured and the issuer when AUTH_TENANT_ID is set', async () => {
    writeFileSync(path.join(dir, 'local.settings.json'), JSON.stringify({ Values: { AzureWebJobsStorage__accountName: 'contosohr' } }));
    const io = new RecordingIoHost();
    const dev = await startDevServices(loadConfig({ cwd: dir, env: {} }), io, { issuerPort: 0, processEnv: { AUTH_TENANT_ID: 'real-tenant' }, keyFile: path.join(dir, 'key.json') });
    await dev.stop();
    expect(dev.env).toEqual({});
    expect(dev.urls).toEqual({});
    expect(io.messages.map((m) => m.message).join('\n')).toMatch(/Azurite not started[\s\S]*dev issuer not started/);
  });

  it("lets the local host's origins (once its port is known) and serve.issuerCorsOrigins call the issuer, nobody else", async () => {
    writeFileSync(path.join(dir, 'local.settings.json'), JSON.stringify({ Values: { AzureWebJobsStorage__accountName: 'contosohr' } }));
    const env = { CONNECTORKIT_SERVE__ISSUER_CORS_ORIGINS: '["http://localhost:5173"]' };
    const dev = await startDevServices(loadConfig({ cwd: dir, env }), new RecordingIoHost(), { issuerPort: 0, processEnv: {}, keyFile: path.join(dir, 'key.json') });
    const from = async (origin: string) => (await fetch(dev.urls.token!, { headers: { origin } })).status;
    try {
      expect([await from('http://localhost:5173'), await from('http://127.0.0.1:45678')]).toEqual([200, 403]);
      dev.allowHostPort(45678);
      expect([await from('http://127.0.0.1:45678'), await from('http://localhost:45678'), await from('http://127.0.0.1:45679')]).toEqual([200, 200, 403]);
    } finally {
      await dev.stop();
    }
  });
});
