/**
 * The local OpenID Connect issuer behind `connectorkit serve` and the tests: real HTTP on the loopback interface
 * only, with Entra's URL shapes so the function validates tokens exactly as it does against Entra
 * (only the issuer host differs; the app settings AUTH_ISSUERS / AUTH_OPENID_CONFIG_URLS point at it).
 *
 *   GET  /{tid}/v2.0/.well-known/openid-configuration   v2 metadata (issuer {base}/{tid}/v2.0)
 *   GET  /{tid}/.well-known/openid-configuration        v1 metadata (issuer {base}/{tid}/)
 *   GET  /{tid}/discovery/v2.0/keys, /{tid}/discovery/keys   JWKS
 *   GET  /{tid}/oauth2[/v2.0]/authorize                 auto-consents the dev user (code or implicit token)
 *   POST /{tid}/oauth2[/v2.0]/token                     authorization_code (+PKCE), client_credentials
 *   GET|POST /token?scope=&v1=&expires_in=              dev shortcut: JSON { access_token, ... }
 * Browser calls (CORS) are accepted only from the allowed origins: see cors.ts.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CkError } from '../core/errors';
import { DEV_IDENTITIES, devAudiences, type DevIdentities } from './identities';
import { KeySet, loadOrCreateKey } from './keys';
import { devIssuers, mintAccessToken, type MintOptions } from './mint';
import { handleAuthorize, handleTokenEndpoint, type FlowState } from './flows';
import { corsGate, OriginAllowList } from './cors';

export interface DevIssuerOptions {
  /** Must be a loopback address (default 127.0.0.1). */
  host?: string;
  /** 0 = ephemeral (tests). */
  port?: number;
  identities?: DevIdentities;
  /** Persist the signing key here (serve + `connectorkit token` share it); omitted → a fresh in-memory key. */
  keyFile?: string;
  /** Default delegated scope of minted tokens. */
  scope?: string;
  /** Roles of app-only (client_credentials) tokens. */
  appRoles?: string[];
  /** Browser origins that may call the issuer (CORS); more can be added with allowOrigins(). Default: none. */
  allowedOrigins?: string[];
}

export interface DevIssuer {
  /** Base URL, e.g. http://127.0.0.1:7072 */
  url: string;
  port: number;
  identities: DevIdentities;
  keys: KeySet;
  issuers: { v1: string; v2: string };
  openIdConfigUrls: { v1: string; v2: string };
  /** The auth app settings that make the function trust this issuer. */
  appSettings(requiredScope?: string): Record<string, string>;
  mint(opts?: Omit<MintOptions, 'baseUrl'>): Promise<string>;
  /** Every request line seen (method + path), for tests. */
  requests: string[];
  /** Lets pages from these origins call the issuer (serve adds the local host's origins once it listens). */
  allowOrigins(origins: string[]): void;
  /** The browser origins currently allowed, sorted. */
  allowedOrigins(): string[];
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function assertLoopback(host: string): void {
  if (!LOOPBACK.has(host)) {
    throw new CkError({ code: 'CK_AUTH_DEV_NOT_LOOPBACK', message: `The dev token issuer refuses to listen on ${host}: only loopback addresses are allowed.`, target: 'host' });
  }
}

export async function startDevIssuer(opts: DevIssuerOptions = {}): Promise<DevIssuer> {
  const host = opts.host ?? '127.0.0.1';
  assertLoopback(host);
  const ids = opts.identities ?? DEV_IDENTITIES;
  const keys = new KeySet();
  if (opts.keyFile) await loadOrCreateKey(keys, opts.keyFile);
  else await keys.create();
  const requests: string[] = [];
  const origins = new OriginAllowList(opts.allowedOrigins);
  const state: FlowState = { codes: new Map() };
  let base = '';
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${(req.url ?? '').split('?')[0]}`);
    route(req, res).catch((e) => send(res, 500, { error: 'server_error', error_description: (e as Error).message }));
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', base);
    const p = u.pathname;
    if (!corsGate(req, res, origins, (status, body) => send(res, status, body))) return;
    const m = /^\/([^/]+)(\/v2\.0)?\/\.well-known\/openid-configuration$/.exec(p);
    if (m && req.method === 'GET') return send(res, 200, metadata(m[1]!, m[2] ? 'v2' : 'v1'));
    if (p === '/.well-known/openid-configuration') return send(res, 200, metadata(ids.tenantId, 'v2'));
    if (/^\/[^/]+\/discovery(\/v2\.0)?\/keys$/.test(p) || p === '/common/discovery/keys') return send(res, 200, keys.jwks());
    const mint = (o: Omit<MintOptions, 'baseUrl'>) => mintAccessToken(keys, { baseUrl: base, identities: ids, ...o });
    const flow = /^\/([^/]+)\/oauth2(\/v2\.0)?\/(authorize|token)$/.exec(p);
    if (flow) {
      const ctx = { tenantId: flow[1]!, version: (flow[2] ? '2.0' : '1.0') as '1.0' | '2.0', ids, scope: opts.scope ?? 'user_impersonation', appRoles: opts.appRoles, mint, state };
      if (flow[3] === 'authorize' && req.method === 'GET') return handleAuthorize(u, res, ctx);
      if (flow[3] === 'token' && req.method === 'POST') return handleTokenEndpoint(await readForm(req), res, ctx);
    }
    if (p === '/token' && (req.method === 'GET' || req.method === 'POST')) {
      const q = req.method === 'POST' ? await readForm(req) : u.searchParams;
      const v1 = q.get('v1') === 'true' || q.get('v1') === '1' || q.get('version') === '1.0';
      const scopes = (q.get('scope') ?? opts.scope ?? 'user_impersonation').split(/[ ,]+/).filter(Boolean);
      const expiresIn = Number(q.get('expires_in') ?? 3600);
      if (!Number.isFinite(expiresIn) || expiresIn <= 0 || expiresIn > 86400) return send(res, 400, { error: 'invalid_request', error_description: 'expires_in must be 1..86400 seconds' });
      const token = await mint({ version: v1 ? '1.0' : '2.0', scopes, expiresIn });
      return send(res, 200, { token_type: 'Bearer', access_token: token, expires_in: expiresIn, scope: scopes.join(' ') });
    }
    send(res, 404, { error: 'not_found', error_description: `No dev issuer endpoint at ${p}` });
  }

  function metadata(tid: string, v: 'v1' | 'v2'): Record<string, unknown> {
    const iss = devIssuers(base, tid);
    const seg = v === 'v2' ? '/v2.0' : '';
    return {
      issuer: v === 'v2' ? iss.v2 : iss.v1,
      authorization_endpoint: `${base}/${tid}/oauth2${seg}/authorize`,
      token_endpoint: `${base}/${tid}/oauth2${seg}/token`,
      jwks_uri: `${base}/${tid}/discovery${seg}/keys`,
      response_types_supported: ['code', 'token', 'id_token'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'oid', 'tid', 'ver', 'preferred_username'],
      tenant_region_scope: 'WW',
      cloud_instance_name: 'connectorkit.local',
    };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new CkError({ code: 'CK_AUTH_DEV_PORT_IN_USE', message: `The dev token issuer cannot listen on ${host}:${opts.port}: the port is in use.`, cause: e }));
      else reject(e);
    });
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const urlHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  base = `http://${urlHost}:${addr.port}`;
  const issuers = devIssuers(base, ids.tenantId);
  const openIdConfigUrls = { v1: `${base}/${ids.tenantId}/.well-known/openid-configuration`, v2: `${base}/${ids.tenantId}/v2.0/.well-known/openid-configuration` };
  return {
    url: base,
    port: addr.port,
    identities: ids,
    keys,
    issuers,
    openIdConfigUrls,
    requests,
    allowOrigins: (list) => origins.allow(list),
    allowedOrigins: () => origins.list(),
    appSettings: (requiredScope = opts.scope ?? 'user_impersonation') => ({
      AUTH_TENANT_ID: ids.tenantId,
      AUTH_AUDIENCES: devAudiences(ids).join(','),
      AUTH_ISSUERS: `${issuers.v1},${issuers.v2}`,
      AUTH_OPENID_CONFIG_URLS: `${openIdConfigUrls.v2},${openIdConfigUrls.v1}`,
      AUTH_REQUIRED_SCOPE: requiredScope,
    }),
    mint: (o = {}) => mintAccessToken(keys, { baseUrl: base, identities: ids, scopes: [opts.scope ?? 'user_impersonation'], ...o }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 64 * 1024) break;
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('json')) {
    try {
      return new URLSearchParams(Object.entries(JSON.parse(text) as Record<string, string>).map(([k, v]) => [k, String(v)]));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(text);
}
