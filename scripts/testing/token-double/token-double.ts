/**
 * A loopback Entra ID token authority, reached by @azure/identity through `authorityHost` +
 * `disableInstanceDiscovery: true` — the options a private-cloud user sets. It serves exactly what MSAL node asks
 * for (see token-double.md): v2.0 OpenID metadata, the JWKS and a client-credentials token endpoint that mints
 * RS256 JWTs for the requested `<audience>/.default`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { checkFederatedAssertion, type Federation } from './federation';
import { startDoubleServer, type DoubleServer, type DoubleRequest, type DoubleResponse } from '../graph-double/double-server';

export interface TokenDoubleOptions {
  /** Tenant served (other tenants get AADSTS90002). */
  tenantId: string;
  /** Registered confidential clients: client id → client secret. */
  clients: Record<string, string>;
  /** Issuer in the v1 metadata (default `https://sts.windows.net/{tenant}/`, as Entra: not the authority host). */
  v1Issuer?: string;
  /** Workload identity federation: apps whose federated credentials accept client assertions (see federation.ts). */
  federation?: Federation;
  /** Token lifetime in seconds (default 3600). */
  lifetimeSec?: number;
}

export interface TokenDouble extends Omit<DoubleServer, 'writes'> {
  /** The value for `authorityHost`. */
  authorityHost: string;
  /** Every token minted (tests assert none of them reaches any output). */
  state: { issued: Array<{ clientId: string; audience: string; token: string; federated?: { issuer: string; subject: string } }> };
}

/** AAD error body (OAuth2 shape plus Entra's error_codes). */
function aadError(status: number, error: string, description: string): DoubleResponse {
  return {
    status,
    body: {
      error,
      error_description: description,
      error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)],
      timestamp: new Date().toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    },
  };
}

export async function startTokenDouble(opts: TokenDoubleOptions): Promise<TokenDouble> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = `k-${randomUUID().slice(0, 8)}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const state: TokenDouble['state'] = { issued: [] };
  let base = '';
  const tid = opts.tenantId;

  const metadata = (v2: boolean) => ({
    issuer: v2 ? `${base}/${tid}/v2.0` : (opts.v1Issuer ?? `https://sts.windows.net/${tid}/`),
    authorization_endpoint: `${base}/${tid}/oauth2/${v2 ? 'v2.0/' : ''}authorize`,
    token_endpoint: `${base}/${tid}/oauth2/${v2 ? 'v2.0/' : ''}token`,
    jwks_uri: `${base}/${tid}/discovery/${v2 ? 'v2.0/' : ''}keys`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    tenant_region_scope: 'WW',
    cloud_instance_name: '127.0.0.1',
  });

  const token = async (req: DoubleRequest): Promise<DoubleResponse> => {
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
      return aadError(400, 'invalid_request', 'AADSTS900144: The request body must be application/x-www-form-urlencoded.');
    const form = new URLSearchParams(req.body);
    if (form.get('grant_type') !== 'client_credentials') return aadError(400, 'unsupported_grant_type', `AADSTS70003: The app requested an unsupported grant type '${form.get('grant_type')}'.`);
    const clientId = form.get('client_id') ?? '';
    const scope = form.get('scope') ?? '';
    const federated = opts.federation?.credentialsFor(clientId);
    if (!(clientId in opts.clients) && !federated) return aadError(400, 'unauthorized_client', `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${tid}'.`);
    let via: { issuer: string; subject: string } | undefined;
    if (form.has('client_assertion') || form.has('client_assertion_type')) {
      if (!opts.federation) return aadError(400, 'invalid_client', 'AADSTS700027: Client assertions are not supported by this double without a federation option.');
      const r = await checkFederatedAssertion(form, federated ?? [], opts.federation, clientId);
      if ('error' in r) return aadError(r.status, r.error, r.description);
      via = r.matched;
    } else if (form.get('client_secret') !== opts.clients[clientId]) return aadError(401, 'invalid_client', `AADSTS7000215: Invalid client secret provided for app '${clientId}'.`);
    const scopes = scope.split(' ').filter((s) => s && !['openid', 'profile', 'offline_access'].includes(s));
    if (scopes.length !== 1 || !scopes[0]!.endsWith('/.default'))
      return aadError(
        400,
        'invalid_scope',
        `AADSTS1002012: The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`,
      );
    const audience = scopes[0]!.slice(0, -'/.default'.length);
    const lifetime = opts.lifetimeSec ?? 3600;
    const access = await new SignJWT({
      tid,
      appid: clientId,
      azp: clientId,
      idtyp: 'app',
      roles: ['Deploy.All'],
      ver: '2.0',
      oid: servicePrincipalOid(tid, clientId),
      sub: clientId,
      uti: randomUUID().replace(/-/g, ''),
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuer(`${base}/${tid}/v2.0`)
      .setAudience(audience)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${lifetime}s`)
      .sign(privateKey);
    state.issued.push({ clientId, audience, token: access, ...(via ? { federated: via } : {}) });
    return { status: 200, body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: access }, headers: { 'cache-control': 'no-store, no-cache' } };
  };

  const server = await startDoubleServer(
    async (req) => {
      const p = req.url.pathname;
      const m = /^\/([^/]+)\/(.*)$/.exec(p);
      if (!m) return undefined;
      const [, tenant, rest] = m;
      const known = ['v2.0/.well-known/openid-configuration', '.well-known/openid-configuration', 'discovery/v2.0/keys', 'discovery/keys', 'oauth2/v2.0/token'];
      if (!known.includes(rest!)) return undefined;
      if (tenant !== tid) return aadError(400, 'invalid_tenant', `AADSTS90002: Tenant '${tenant}' not found.`);
      if (req.method === 'GET' && rest === 'v2.0/.well-known/openid-configuration') return { status: 200, body: metadata(true) };
      if (req.method === 'GET' && rest === '.well-known/openid-configuration') return { status: 200, body: metadata(false) };
      if (req.method === 'GET' && (rest === 'discovery/v2.0/keys' || rest === 'discovery/keys')) return { status: 200, body: { keys: [jwk] } };
      if (req.method === 'POST' && rest === 'oauth2/v2.0/token') return token(req);
      return undefined;
    },
    (status, code, message) => aadError(status, code === 'TooManyRequests' ? 'temporarily_unavailable' : 'server_error', `AADSTS50000: ${message}`).body,
  );
  base = server.url;
  const { writes: _w, ...rest } = server;
  return { ...rest, authorityHost: server.url, state };
}

/**
 * The object id of a client's service principal: stable per tenant and client, as Entra's `oid` claim is (a role
 * assignment naming the signed-in identity must find it again in the next token).
 */
export function servicePrincipalOid(tenantId: string, clientId: string): string {
  const h = createHash('sha256').update(`sp-oid|${tenantId.toLowerCase()}|${clientId.toLowerCase()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
