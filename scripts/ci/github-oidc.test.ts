/**
 * `--auth github-oidc` end to end over real HTTPS: @azure/identity's ClientAssertionCredential fetches the job's ID
 * token from the GitHub OIDC double and presents it to the token double (Entra), which accepts it only when a
 * federated credential registered in the Graph double matches issuer, subject and audience and the signature
 * verifies against the issuer's JWKS.
 */
import { decodeJwt } from 'jose';
import { createCredential, FEDERATION_AUDIENCE, GITHUB_ISSUER, githubOidcCredential, type DeployEnvironment, type OidcVars } from '../deploy';
import { scrub } from '../core/redact';
import { catchCkError } from '../testing/catch-ck-error';
import { startGraphDouble, type GraphDouble } from '../testing/graph-double/graph-double';
import { startTokenDouble, type TokenDouble } from '../testing/token-double/token-double';
import { startGithubOidcDouble, type GithubOidcDouble } from '../testing/github-oidc-double/github-oidc-double';
import { fakeJwt } from '../testing/doubles-common/bearer';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ARM = 'https://management.azure.com/.default';
const REPO = 'contoso/hr-api';

describe('--auth github-oidc', () => {
  let graph: GraphDouble;
  let token: TokenDouble;
  let gh: GithubOidcDouble;
  let env: DeployEnvironment;
  let appId: string;
  const issuerJwks: Record<string, string> = {};

  const graphCall = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${graph.url}/v1.0/${path}`, {
      method,
      headers: { authorization: `Bearer ${fakeJwt({ aud: 'https://graph.microsoft.com' })}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  };
  const vars = (over: OidcVars = {}): OidcVars => ({ ACTIONS_ID_TOKEN_REQUEST_URL: gh.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: gh.requestToken, AZURE_CLIENT_ID: appId, ...over });

  beforeAll(async () => {
    graph = await startGraphDouble({ audience: 'https://graph.microsoft.com' });
    token = await startTokenDouble({ tenantId: TENANT, clients: {}, federation: { credentialsFor: (id) => graph.federatedCredentialsFor(id), issuerJwks } });
    gh = await startGithubOidcDouble({ repository: REPO, environment: 'dev' });
    issuerJwks[GITHUB_ISSUER] = gh.jwksUrl;
    env = { name: 'dev', tenantId: TENANT, cloud: { authorityHost: token.authorityHost, disableInstanceDiscovery: true } } as DeployEnvironment;
    const app = await graphCall('POST', 'applications', { displayName: 'deploy', uniqueName: 'ck-dev-deploy' });
    appId = app.body.appId;
    const fic = await graphCall('POST', `applications/${app.body.id}/federatedIdentityCredentials`, {
      name: 'github-dev',
      issuer: GITHUB_ISSUER,
      subject: `repo:${REPO}:environment:dev`,
      audiences: [FEDERATION_AUDIENCE],
    });
    expect(fic.status).toBe(201);
  });
  afterAll(async () => {
    await Promise.all([graph.close(), token.close(), gh.close()]);
  });
  afterEach(() => {
    expect([...graph.violations, ...token.violations, ...gh.violations]).toEqual([]);
  });

  it('exchanges the GitHub ID token for an ARM token of the deploy app, with no secret anywhere', async () => {
    const t = await githubOidcCredential(env, vars()).getToken(ARM);
    const claims = decodeJwt(t!.token);
    expect(claims).toMatchObject({ aud: 'https://management.azure.com', appid: appId, tid: TENANT });
    // GitHub was asked for Entra's federation audience, with the job's bearer.
    expect(gh.issued.map((i) => i.audience)).toEqual([FEDERATION_AUDIENCE]);
    expect(gh.requests[0]!.url).toContain(`audience=${encodeURIComponent(FEDERATION_AUDIENCE)}`);
    // Entra matched the federated credential (not a secret: the double has no client secrets at all).
    expect(token.state.issued.at(-1)).toMatchObject({ clientId: appId, federated: { issuer: GITHUB_ISSUER, subject: `repo:${REPO}:environment:dev` } });
    // The request token and the ID token are registered secrets: no output host can print them.
    const leak = `${gh.requestToken} ${gh.issued[0]!.token}`;
    expect(scrub(leak)).toBe('*** ***');
  });

  it('is what `--auth github-oidc` picks, reading the job variables', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, vars());
    try {
      const { credential, name } = createCredential('github-oidc', env);
      expect(name).toContain('GitHub OIDC');
      expect(decodeJwt((await credential.getToken(ARM))!.token).appid).toBe(appId);
    } finally {
      for (const k of ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'AZURE_CLIENT_ID']) if (saved[k] === undefined) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  it('says what to do when the job lacks id-token: write or AZURE_CLIENT_ID', () => {
    const before = gh.requests.length;
    const noPerm = catchCkError(() => githubOidcCredential(env, { AZURE_CLIENT_ID: appId }));
    expect(noPerm).toMatchObject({ code: 'CK_CI_OIDC_UNAVAILABLE', message: expect.stringContaining('ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN') });
    expect(noPerm.hint).toContain('permissions: id-token: write');
    const noClient = catchCkError(() => githubOidcCredential(env, vars({ AZURE_CLIENT_ID: '' })));
    expect(noClient).toMatchObject({ code: 'CK_CI_CLIENT_ID_MISSING' });
    expect(noClient.hint).toContain('vars.AZURE_CLIENT_ID');
    // Refused before any request.
    expect(gh.requests).toHaveLength(before);
  });

  it('a wrong request token is a coded error naming GitHub, without the token or the URL query', async () => {
    const e = await githubOidcCredential(env, vars({ ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'ghs_wrong_request_token' }))
      .getToken(ARM)
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'CK_CI_OIDC_TOKEN_FAILED', message: expect.stringContaining('answered 401') });
    expect(String((e as Error).message)).not.toMatch(/ghs_wrong|api-version/);
  });

  it('a job in another environment is refused by Entra (subject mismatch), as a coded error with the fix', async () => {
    const prod = await startGithubOidcDouble({ repository: REPO, environment: 'prod' });
    issuerJwks[GITHUB_ISSUER] = prod.jwksUrl;
    try {
      const e = await githubOidcCredential(env, vars({ ACTIONS_ID_TOKEN_REQUEST_URL: prod.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: prod.requestToken }))
        .getToken(ARM)
        .catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'CK_CI_OIDC_EXCHANGE_FAILED', message: expect.stringContaining('AADSTS700213') });
      expect((e as { hint: string }).hint).toContain('repo:<owner/name>:environment:<env>');
    } finally {
      issuerJwks[GITHUB_ISSUER] = gh.jwksUrl;
      await prod.close();
    }
  });

  it('Entra checks the signature against the issuer keys and the time range', async () => {
    // Same issuer and subject, signed by a key the issuer does not publish.
    const forger = await startGithubOidcDouble({ repository: REPO, environment: 'dev' });
    const expired = await startGithubOidcDouble({ repository: REPO, environment: 'dev', lifetimeSec: -600 });
    try {
      const forged = await githubOidcCredential(env, vars({ ACTIONS_ID_TOKEN_REQUEST_URL: forger.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: forger.requestToken }))
        .getToken(ARM)
        .catch((x: unknown) => x);
      expect(forged).toMatchObject({ code: 'CK_CI_OIDC_EXCHANGE_FAILED', message: expect.stringContaining('AADSTS700027') });
      issuerJwks[GITHUB_ISSUER] = expired.jwksUrl;
      const old = await githubOidcCredential(env, vars({ ACTIONS_ID_TOKEN_REQUEST_URL: expired.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: expired.requestToken }))
        .getToken(ARM)
        .catch((x: unknown) => x);
      expect(old).toMatchObject({ code: 'CK_CI_OIDC_EXCHANGE_FAILED', message: expect.stringContaining('AADSTS700024') });
    } finally {
      issuerJwks[GITHUB_ISSUER] = gh.jwksUrl;
      await Promise.all([forger.close(), expired.close()]);
    }
  });
});
