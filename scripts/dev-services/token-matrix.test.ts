/**
 * The token matrix of issue 3 over HTTP: the sample API built with `connectorkit build`, served by the local host,
 * tokens from the real dev issuer on a free port. Every row goes through the generated handler and the auth module
 * exactly as a caller's request does. Nothing in the matrix is accepted except the v1 and v2 rows.
 */
import { SignJWT, base64url } from 'jose';
import { RecordingIoHost } from '../core/io';
import { startHost, type HostHandle } from '../host';
import { startDevIssuer, type DevIssuer } from '../auth-dev';
import { buildSampleProject, type SampleProject } from './sample-project';

let project: SampleProject;
let issuer: DevIssuer;
let host: HostHandle;
const hostIo = new RecordingIoHost();
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';

beforeAll(async () => {
  project = await buildSampleProject();
  issuer = await startDevIssuer({ port: 0 });
  // GetMe touches no storage; AUTH_JWKS_COOLDOWN_MS 0 lets the rotation row refetch the keys at once.
  host = await startHost({ appDir: project.appDir, port: 0, io: hostIo, env: { ...issuer.appSettings(), AUTH_JWKS_COOLDOWN_MS: '0' } });
}, 120_000);

afterAll(async () => {
  await host?.close();
  await issuer?.close();
  project?.remove();
});

/** GET /api/me with the given Authorization header; returns status, challenge, body and the auth log lines it caused. */
async function getMe(authorization: string | undefined) {
  const before = hostIo.messages.length;
  const r = await fetch(`${host.url}/api/me`, { headers: authorization ? { authorization } : {}, signal: AbortSignal.timeout(30_000) });
  const body = (await r.json()) as { error?: { code: string }; tokenVersion?: string };
  const log = hostIo.messages.slice(before).map((m) => m.message).filter((m) => m.includes('auth: token rejected')).join('\n');
  return { status: r.status, challenge: r.headers.get('www-authenticate') ?? '', body, log };
}

const bearer = async (t: Promise<string>) => `Bearer ${await t}`;

type Row = [name: string, make: () => Promise<string | undefined>, status: 401 | 403, check: string];
const rejected: Row[] = [
  ['missing', async () => undefined, 401, 'missing'],
  ['not a bearer header', async () => 'Basic dXNlcjpwYXNz', 401, 'malformed'],
  ['malformed', async () => 'Bearer not.a-jwt', 401, 'malformed'],
  ['expired', () => bearer(issuer.mint({ expiresIn: -3600 })), 401, 'expired'],
  ['not yet valid', () => bearer(issuer.mint({ notBeforeIn: 3600 })), 401, 'not_yet_valid'],
  ['wrong audience', () => bearer(issuer.mint({ audience: 'api://00000000-0000-0000-0000-000000000000' })), 401, 'audience'],
  ['wrong issuer', () => bearer(issuer.mint({ issuer: 'https://login.microsoftonline.com/evil/v2.0' })), 401, 'issuer'],
  ['wrong tenant (issuer of another tenant)', () => bearer(issuer.mint({ tenantId: OTHER_TENANT })), 401, 'issuer'],
  ['wrong tenant (tid claim)', () => bearer(issuer.mint({ claims: { tid: OTHER_TENANT } })), 401, 'tenant'],
  ['alg none', async () => `Bearer ${unsecured(await issuer.mint())}`, 401, 'algorithm'],
  ['HS256', async () => `Bearer ${await hs256(await issuer.mint())}`, 401, 'algorithm'],
  ['unknown kid', async () => `Bearer ${await issuer.mint({ kid: (await issuer.keys.create({ publish: false, activate: false })).kid })}`, 401, 'unknown_kid'],
  ['missing scope', () => bearer(issuer.mint({ scopes: ['Other.Read'] })), 403, 'insufficient_scope'],
];

describe('token matrix over HTTP (GET /api/me on the local host)', () => {
  it.each(rejected)('%s → rejected', async (_name, make, status, check) => {
    const authorization = await make();
    const r = await getMe(authorization);
    expect(r.status).toBe(status);
    if (status === 401) {
      expect(r.body.error?.code).toBe('INVALID_TOKEN');
      expect(r.challenge).toMatch(/^Bearer realm="[^"]+", error="invalid_token", error_description="[^"]+"$/);
    } else {
      expect(r.body.error?.code).toBe('INSUFFICIENT_SCOPE');
      expect(r.challenge).toContain('error="insufficient_scope"');
    }
    expect(r.log).toContain(`check=${check}`);
    const raw = authorization?.replace(/^\w+ /, '');
    if (raw) for (const m of hostIo.messages) expect(JSON.stringify(m)).not.toContain(raw);
  });

  it.each([['1.0'], ['2.0']] as const)('v%s token → 200 with the caller', async (version) => {
    const r = await getMe(await bearer(issuer.mint({ version })));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ tokenVersion: version, tenantId: issuer.identities.tenantId, userName: issuer.identities.user.username, scopes: ['user_impersonation'] });
  });

  it('JWKS rotation: a token of a new key is refused until the key is published, then accepted (refetch on unknown kid)', async () => {
    const fresh = await issuer.keys.create({ publish: false, activate: false });
    const token = await issuer.mint({ kid: fresh.kid });
    expect((await getMe(`Bearer ${token}`)).status).toBe(401);
    issuer.keys.publish(fresh.kid);
    expect((await getMe(`Bearer ${token}`)).status).toBe(200);
    // The old key is still published, so tokens signed before the rotation keep working.
    expect((await getMe(await bearer(issuer.mint()))).status).toBe(200);
  });
});

/** The same claims as an unsecured JWT (`alg: none`). */
function unsecured(token: string): string {
  const [, payload] = token.split('.');
  return `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`;
}

/** The same claims signed HS256 (key-confusion attempt). */
async function hs256(token: string): Promise<string> {
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode('a-shared-secret-that-must-not-work-32b'));
}
