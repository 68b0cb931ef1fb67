/**
 * The token matrix: the runtime's built-in Entra check against the real dev issuer over loopback HTTP. Nothing in
 * the matrix except the v1/v2/app-role tokens (and a token of exactly the longest Entra lifetime) may be accepted.
 */
import { HttpRequest, InvocationContext } from '@azure/functions';
import { isHttpError, type HttpError } from '../http-error';
import { startDevIssuer, type DevIssuer } from '../../auth-dev';
import { REJECTED_TOKENS, type TokenMatrixRow } from '../../auth-dev/token-matrix-rows';
import { entraAuthenticate as authenticate, type EntraPrincipal as Principal, MAX_TOKEN_LIFETIME_S } from './index';

let issuer: DevIssuer;
const saved = { ...process.env };
const logs: string[] = [];

function ctx(): InvocationContext {
  return new InvocationContext({ invocationId: 'test', functionName: 'GetMe', logHandler: (_level, ...args) => logs.push(args.map(String).join(' ')) });
}

function req(authorization?: string): HttpRequest {
  return new HttpRequest({ method: 'GET', url: 'http://127.0.0.1/api/me', headers: authorization ? { authorization } : {} });
}

async function reject(authorization: string | undefined): Promise<{ err: HttpError; log: string }> {
  logs.length = 0;
  try {
    await authenticate(req(authorization), 'entra', ['user_impersonation'], ctx());
  } catch (e) {
    if (!isHttpError(e)) throw e;
    return { err: e, log: logs.join('\n') };
  }
  throw new Error('token was accepted but must be rejected');
}

const accept = (token: string): Promise<Principal> => authenticate(req(`Bearer ${token}`), 'entra', ['user_impersonation'], ctx());

beforeAll(async () => {
  issuer = await startDevIssuer({ port: 0 });
  Object.assign(process.env, issuer.appSettings(), { AUTH_JWKS_COOLDOWN_MS: '0', AUTH_APP_ROLES: 'Employees.ReadWrite.All' });
});

afterAll(async () => {
  process.env = saved;
  await issuer.close();
});

describe('token matrix', () => {
  const rows: TokenMatrixRow[] = [...REJECTED_TOKENS, ['tampered payload', async (i) => `Bearer ${tamper(await i.mint({ scopes: ['Other.Read'] }))}`, 401, 'signature']];
  it.each(rows)('%s → 401 invalid_token', async (_name, make, _status, check) => {
    const token = await make(issuer);
    const { err, log } = await reject(token);
    expect(err.status).toBe(401);
    expect(err.code).toBe('CK_HTTP_INVALID_TOKEN');
    expect(err.headers['WWW-Authenticate']).toMatch(/^Bearer realm="[^"]+", error="invalid_token", error_description="[^"]+"$/);
    expect(log).toContain(`check=${check}`);
    const raw = token?.replace(/^\w+ /, '');
    if (raw) expect(log).not.toContain(raw);
  });

  it('v2 token accepted', async () => {
    const p = await accept(await issuer.mint({ version: '2.0' }));
    expect(p).toMatchObject({
      tokenVersion: '2.0',
      tenantId: issuer.identities.tenantId,
      objectId: issuer.identities.user.oid,
      userName: issuer.identities.user.username,
      clientAppId: issuer.identities.clientAppId,
      scopes: ['user_impersonation'],
    });
  });

  it('v1 token accepted', async () => {
    const p = await accept(await issuer.mint({ version: '1.0' }));
    expect(p).toMatchObject({ tokenVersion: '1.0', userName: issuer.identities.user.username, clientAppId: issuer.identities.clientAppId });
  });

  it('a token of exactly the longest Entra lifetime (1 day) is accepted; one second more is not', async () => {
    // The dev issuer sets iat = nbf = now - 300 s, so expiresIn + 300 is the lifetime.
    await expect(accept(await issuer.mint({ expiresIn: MAX_TOKEN_LIFETIME_S - 300 }))).resolves.toMatchObject({ tokenVersion: '2.0' });
    const { err, log } = await reject(`Bearer ${await issuer.mint({ expiresIn: MAX_TOKEN_LIFETIME_S - 299 })}`);
    expect(err.status).toBe(401);
    expect(log).toContain('check=lifetime');
  });

  it('app-only token with a configured app role accepted', async () => {
    const p = await accept(await issuer.mint({ scopes: [], roles: ['Employees.ReadWrite.All'] }));
    expect(p.roles).toEqual(['Employees.ReadWrite.All']);
  });

  it('valid token without the scope → 403 insufficient_scope', async () => {
    const { err, log } = await reject(`Bearer ${await issuer.mint({ scopes: ['Other.Read'], roles: ['Something.Else'] })}`);
    expect(err.status).toBe(403);
    expect(err.code).toBe('CK_HTTP_INSUFFICIENT_SCOPE');
    expect(err.headers['WWW-Authenticate']).toContain('error="insufficient_scope"');
    expect(log).toContain('check=insufficient_scope');
  });

  it('unknown kid → 401; after the key appears in the JWKS → accepted (refetch on unknown kid)', async () => {
    await accept(await issuer.mint()); // JWKS cached with the old key only
    const fresh = await issuer.keys.create({ publish: false, activate: false });
    const token = await issuer.mint({ kid: fresh.kid });
    const { err, log } = await reject(`Bearer ${token}`);
    expect(err.status).toBe(401);
    expect(log).toContain('check=unknown_kid');
    issuer.keys.publish(fresh.kid);
    const before = issuer.requests.filter((r) => r.includes('/keys')).length;
    await expect(accept(token)).resolves.toMatchObject({ tokenVersion: '2.0' });
    expect(issuer.requests.filter((r) => r.includes('/keys')).length).toBe(before + 1);
    // The old key is still published, so tokens signed before the rotation keep working.
    await expect(accept(await issuer.mint())).resolves.toBeDefined();
  });

  it('issuer metadata unreachable → 503 coded error, not a hang', async () => {
    const env = { ...process.env };
    process.env.AUTH_OPENID_CONFIG_URLS = 'http://127.0.0.1:1/nothing/.well-known/openid-configuration';
    try {
      const { err } = await reject(`Bearer ${await issuer.mint()}`);
      expect(err.status).toBe(503);
      expect(err.code).toBe('CK_HTTP_AUTH_METADATA_UNAVAILABLE');
      expect(err.hint).toBeTruthy();
    } finally {
      process.env = env;
    }
  });

  it('missing settings → 500 AUTH_NOT_CONFIGURED naming the setting', async () => {
    const env = { ...process.env };
    delete process.env.AUTH_AUDIENCES;
    try {
      const { err } = await reject(`Bearer ${await issuer.mint()}`);
      expect(err.status).toBe(500);
      expect(err.code).toBe('CK_HTTP_AUTH_NOT_CONFIGURED');
      expect(err.hint).toContain('AUTH_AUDIENCES');
    } finally {
      process.env = env;
    }
  });
});

/** Swaps the payload for one with more scope, keeping the original signature. */
function tamper(token: string): string {
  const [h, p, s] = token.split('.');
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString('utf8'));
  claims.scp = 'user_impersonation';
  return `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
}
