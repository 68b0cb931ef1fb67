import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { startDevIssuer, type DevIssuer } from './issuer';
import { loopbackOrigins } from './cors';
import { mintDevToken, parseDuration } from './dev-token';

let issuer: DevIssuer;
let dir: string;
const redirect = 'http://127.0.0.1:7071/api/docs/oauth2-redirect.html';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ck-issuer-'));
  issuer = await startDevIssuer({ port: 0, keyFile: path.join(dir, 'key.json') });
});
afterAll(async () => {
  await issuer.close();
  await rm(dir, { recursive: true, force: true });
});

const json = async (url: string, init?: RequestInit) => {
  const r = await fetch(url, { ...init, redirect: 'manual' });
  return { status: r.status, headers: r.headers, body: r.status === 302 ? undefined : ((await r.json()) as Record<string, unknown>) };
};

describe('dev OpenID issuer', () => {
  it('refuses to listen on a non-loopback address', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) {
      await expect(startDevIssuer({ host, port: 0 })).rejects.toMatchObject({ code: 'CK_AUTH_DEV_NOT_LOOPBACK', source: 'user' });
    }
  });

  it('serves Entra-shaped v1 and v2 metadata and a JWKS', async () => {
    const tid = issuer.identities.tenantId;
    const v2 = (await json(issuer.openIdConfigUrls.v2)).body!;
    const v1 = (await json(issuer.openIdConfigUrls.v1)).body!;
    expect(v2).toMatchObject({ issuer: `${issuer.url}/${tid}/v2.0`, jwks_uri: `${issuer.url}/${tid}/discovery/v2.0/keys`, token_endpoint: `${issuer.url}/${tid}/oauth2/v2.0/token` });
    expect(v1).toMatchObject({ issuer: `${issuer.url}/${tid}/`, jwks_uri: `${issuer.url}/${tid}/discovery/keys` });
    const jwks = (await json(String(v2.jwks_uri))).body as { keys: Array<Record<string, string>> };
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256', e: 'AQAB' });
    expect(jwks.keys[0]!.d).toBeUndefined();
  });

  it('mints v1 and v2 tokens whose claims flip together', async () => {
    const v2 = decodeJwt(await issuer.mint({ version: '2.0' }));
    const v1t = await issuer.mint({ version: '1.0' });
    const v1 = decodeJwt(v1t);
    expect(v2).toMatchObject({
      ver: '2.0',
      aud: issuer.identities.apiAppId,
      azp: issuer.identities.clientAppId,
      preferred_username: issuer.identities.user.username,
      scp: 'user_impersonation',
      tid: issuer.identities.tenantId,
      oid: issuer.identities.user.oid,
    });
    expect(v2.appid).toBeUndefined();
    expect(v1).toMatchObject({ ver: '1.0', aud: `api://${issuer.identities.apiAppId}`, appid: issuer.identities.clientAppId, upn: issuer.identities.user.username, iss: issuer.issuers.v1 });
    expect(decodeProtectedHeader(v1t).x5t).toBe(decodeProtectedHeader(v1t).kid);
    expect((v2.nbf as number) <= Date.now() / 1000 && (v2.exp as number) > Date.now() / 1000).toBe(true);
  });

  it('/token returns a token to a caller without an Origin (curl, scripts)', async () => {
    const r = await json(`${issuer.url}/token?scope=user_impersonation&v1=true&expires_in=600`);
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    expect(r.body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    expect(decodeJwt(String(r.body!.access_token)).ver).toBe('1.0');
    expect((await json(`${issuer.url}/token?expires_in=-1`)).status).toBe(400);
  });

  it('authorization code flow with PKCE (what Swagger UI does)', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const tid = issuer.identities.tenantId;
    const auth = `${issuer.url}/${tid}/oauth2/v2.0/authorize?response_type=code&client_id=x&redirect_uri=${encodeURIComponent(redirect)}&scope=${encodeURIComponent(`api://${issuer.identities.apiAppId}/user_impersonation openid`)}&state=s1&code_challenge=${challenge}&code_challenge_method=S256`;
    const r = await json(auth);
    expect(r.status).toBe(302);
    const loc = new URL(r.headers.get('location')!);
    expect(loc.searchParams.get('state')).toBe('s1');
    const code = loc.searchParams.get('code')!;
    const form = (v: string) => new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirect, code_verifier: v });
    const bad = await json(`${issuer.url}/${tid}/oauth2/v2.0/token`, { method: 'POST', body: form('wrong') });
    expect(bad.status).toBe(400); // the code is single-use: a wrong verifier burns it
    const r2 = await json(auth);
    const code2 = new URL(r2.headers.get('location')!).searchParams.get('code')!;
    const ok = await json(`${issuer.url}/${tid}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: code2, redirect_uri: redirect, code_verifier: verifier }),
    });
    expect(ok.status).toBe(200);
    expect(decodeJwt(String(ok.body!.access_token))).toMatchObject({ scp: 'user_impersonation', ver: '2.0' });
  });

  it('implicit flow puts the token in the fragment; non-loopback redirect URIs are refused', async () => {
    const tid = issuer.identities.tenantId;
    const r = await json(`${issuer.url}/${tid}/oauth2/authorize?response_type=token&redirect_uri=${encodeURIComponent(redirect)}&resource=api://x&state=z`);
    const frag = new URLSearchParams(new URL(r.headers.get('location')!).hash.slice(1));
    expect(decodeJwt(frag.get('access_token')!).ver).toBe('1.0');
    expect(frag.get('state')).toBe('z');
    const evil = await json(`${issuer.url}/${tid}/oauth2/v2.0/authorize?response_type=token&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`);
    expect(evil.status).toBe(400);
  });

  it('connectorkit token mints with the persisted key: the running issuer publishes it', async () => {
    const t = await mintDevToken({ keyFile: path.join(dir, 'key.json'), issuerPort: issuer.port, scopes: ['user_impersonation'], version: '2.0', expiresInSeconds: parseDuration('5m') });
    const kids = ((await json(`${issuer.url}/common/discovery/keys`)).body as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);
    expect(kids).toContain(decodeProtectedHeader(t.accessToken).kid);
    expect(t.issuer).toBe(issuer.issuers.v2);
    expect(() => parseDuration('25h')).toThrow(/24 hours/);
    expect(parseDuration('90m')).toBe(5400);
  });
});

describe("dev issuer CORS: only the local host's own origins", () => {
  const docsOrigin = 'http://127.0.0.1:7071';
  let cors: DevIssuer;
  beforeAll(async () => {
    cors = await startDevIssuer({ port: 0, allowedOrigins: ['http://localhost:5173/'] });
    cors.allowOrigins(loopbackOrigins(7071));
  });
  afterAll(() => cors.close());
  const tokenUrl = () => `${cors.url}/${cors.identities.tenantId}/oauth2/v2.0/token`;
  // What Swagger UI's Authorize sends before it posts the code to the token endpoint.
  const preflight = (origin: string) =>
    fetch(tokenUrl(), { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-requested-with' } });

  it("answers the docs page's preflight, X-Requested-With included, with its own origin", async () => {
    for (const origin of [docsOrigin, 'http://localhost:7071', 'http://[::1]:7071', 'http://localhost:5173']) {
      const r = await preflight(origin);
      expect(r.status).toBe(204);
      expect(r.headers.get('access-control-allow-origin')).toBe(origin);
      expect(r.headers.get('access-control-allow-headers')!.split(/\s*,\s*/)).toEqual(expect.arrayContaining(['content-type', 'x-requested-with']));
      expect(r.headers.get('access-control-allow-methods')).toContain('POST');
      expect(r.headers.get('vary')).toBe('Origin');
    }
    const r = await fetch(`${cors.url}/token`, { headers: { origin: docsOrigin } });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe(docsOrigin);
    expect(cors.allowedOrigins()).toEqual(['http://127.0.0.1:7071', 'http://[::1]:7071', 'http://localhost:5173', 'http://localhost:7071']);
  });

  it('gives any other origin neither CORS headers nor a token', async () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:7072', 'http://127.0.0.1.nip.io:7071', 'null', 'http://localhost:7071.evil.example']) {
      const p = await preflight(origin);
      expect([p.status, p.headers.get('access-control-allow-origin')]).toEqual([403, null]);
      for (const r of [
        await fetch(`${cors.url}/token`, { headers: { origin } }),
        await fetch(`${cors.url}/token`, { method: 'POST', headers: { origin }, body: new URLSearchParams({ scope: 'user_impersonation' }) }),
      ]) {
        expect(r.status).toBe(403);
        expect(r.headers.get('access-control-allow-origin')).toBeNull();
        const body = (await r.json()) as Record<string, unknown>;
        expect(body.error).toBe('origin_not_allowed');
        expect(JSON.stringify(body)).not.toMatch(/eyJ/); // no token in any form
      }
    }
  });

  it('refuses an allowed origin that is not a browser origin', async () => {
    for (const bad of ['localhost:7071', 'http://localhost:7071/docs', 'ftp://localhost', '*']) {
      expect(() => cors.allowOrigins([bad])).toThrow(expect.objectContaining({ code: 'CK_AUTH_DEV_BAD_ORIGIN' }));
    }
    await expect(startDevIssuer({ port: 0, allowedOrigins: ['*'] })).rejects.toMatchObject({ code: 'CK_AUTH_DEV_BAD_ORIGIN' });
  });
});
