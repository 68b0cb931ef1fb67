/**
 * The token matrix of issue 3 over HTTP: the sample API built with `connectorkit build`, served by the local host,
 * tokens from the real dev issuer on a free port. Every row goes through the generated handler and the auth module
 * exactly as a caller's request does. Nothing in the matrix is accepted except the v1 and v2 rows.
 */
import { RecordingIoHost } from '../core/io';
import { startHost, type HostHandle } from '../host';
import { startDevIssuer, type DevIssuer } from '../auth-dev';
import { REJECTED_TOKENS, type TokenMatrixRow } from '../auth-dev/token-matrix-rows';
import { buildSampleProject, type SampleProject } from '../testing/sample-project';

let project: SampleProject;
let issuer: DevIssuer;
let host: HostHandle;
const hostIo = new RecordingIoHost();

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
  const log = hostIo.messages
    .slice(before)
    .map((m) => m.message)
    .filter((m) => m.includes('auth: token rejected'))
    .join('\n');
  return { status: r.status, challenge: r.headers.get('www-authenticate') ?? '', body, log };
}

const rejected: TokenMatrixRow[] = [
  ...REJECTED_TOKENS,
  ['unknown kid', async (i) => `Bearer ${await i.mint({ kid: (await i.keys.create({ publish: false, activate: false })).kid })}`, 401, 'unknown_kid'],
  ['missing scope', async (i) => `Bearer ${await i.mint({ scopes: ['Other.Read'] })}`, 403, 'insufficient_scope'],
];

describe('token matrix over HTTP (GET /api/me on the local host)', () => {
  it.each(rejected)('%s → rejected', async (_name, make, status, check) => {
    const authorization = await make(issuer);
    const r = await getMe(authorization);
    expect(r.status).toBe(status);
    if (status === 401) {
      expect(r.body.error?.code).toBe('CK_HTTP_INVALID_TOKEN');
      expect(r.challenge).toMatch(/^Bearer realm="[^"]+", error="invalid_token", error_description="[^"]+"$/);
    } else {
      expect(r.body.error?.code).toBe('CK_HTTP_INSUFFICIENT_SCOPE');
      expect(r.challenge).toContain('error="insufficient_scope"');
    }
    expect(r.log).toContain(`check=${check}`);
    const raw = authorization?.replace(/^\w+ /, '');
    if (raw) for (const m of hostIo.messages) expect(JSON.stringify(m)).not.toContain(raw);
  });

  it.each([['1.0'], ['2.0']] as const)('v%s token → 200 with the caller', async (version) => {
    const r = await getMe(`Bearer ${await issuer.mint({ version })}`);
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
    expect((await getMe(`Bearer ${await issuer.mint()}`)).status).toBe(200);
  });
});
