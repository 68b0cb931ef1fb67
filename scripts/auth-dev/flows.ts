/**
 * OAuth 2.0 flows of the dev issuer, enough for Swagger UI's Authorize button and OAuth client libraries:
 * authorization code (+PKCE) and implicit at /authorize (the dev user consents automatically), and the token
 * endpoint for `authorization_code` and `client_credentials`. Redirects go to loopback URLs only.
 */
import type * as http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type { DevIdentities } from './identities';
import type { MintOptions, TokenVersion } from './mint';

export interface FlowState {
  codes: Map<string, { redirectUri: string; scopes: string[]; challenge?: string; method?: string; expires: number; version: TokenVersion }>;
}

export interface FlowContext {
  tenantId: string;
  version: TokenVersion;
  ids: DevIdentities;
  /** Default delegated scope when the request names none of the API's scopes. */
  scope: string;
  appRoles?: string[];
  mint(o: Omit<MintOptions, 'baseUrl'>): Promise<string>;
  state: FlowState;
}

const LIFETIME_S = 3600;

/** Picks this API's scope names out of an OAuth scope string (`api://{app}/x`, `{app}/x` or bare `x`). */
export function apiScopes(scope: string | null, ctx: FlowContext): string[] {
  const out: string[] = [];
  for (const s of (scope ?? '').split(/\s+/).filter(Boolean)) {
    const m = /^(?:api:\/\/)?([^/]+)\/(.+)$/.exec(s);
    if (m && (m[1] === ctx.ids.apiAppId || m[1] === `api://${ctx.ids.apiAppId}`) && m[2] !== '.default') out.push(m[2]!);
    else if (!s.includes('/') && !['openid', 'profile', 'email', 'offline_access'].includes(s)) out.push(s);
  }
  return out.length ? out : [ctx.scope];
}

function isLoopbackRedirect(uri: string | null): uri is string {
  if (!uri) return false;
  try {
    const u = new URL(uri);
    return (u.protocol === 'http:' || u.protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

export async function handleAuthorize(u: URL, res: http.ServerResponse, ctx: FlowContext): Promise<void> {
  const q = u.searchParams;
  const redirectUri = q.get('redirect_uri');
  if (!isLoopbackRedirect(redirectUri)) return reply(res, 400, { error: 'invalid_request', error_description: 'redirect_uri must be a loopback http(s) URL' });
  const scopes = apiScopes(q.get('scope'), ctx);
  const state = q.get('state');
  const responseType = q.get('response_type') ?? 'code';
  const target = new URL(redirectUri);
  if (responseType === 'token') {
    const token = await ctx.mint({ version: ctx.version, tenantId: ctx.tenantId, scopes, expiresIn: LIFETIME_S });
    const frag = new URLSearchParams({ access_token: token, token_type: 'Bearer', expires_in: String(LIFETIME_S), scope: scopes.join(' ') });
    if (state) frag.set('state', state);
    target.hash = frag.toString();
  } else if (responseType === 'code') {
    const code = randomBytes(24).toString('base64url');
    ctx.state.codes.set(code, {
      redirectUri,
      scopes,
      challenge: q.get('code_challenge') ?? undefined,
      method: q.get('code_challenge_method') ?? undefined,
      expires: Date.now() + 5 * 60_000,
      version: ctx.version,
    });
    target.searchParams.set('code', code);
    if (state) target.searchParams.set('state', state);
  } else {
    target.searchParams.set('error', 'unsupported_response_type');
  }
  res.writeHead(302, { location: target.toString(), 'cache-control': 'no-store' });
  res.end();
}

export async function handleTokenEndpoint(form: URLSearchParams, res: http.ServerResponse, ctx: FlowContext): Promise<void> {
  const grant = form.get('grant_type');
  if (grant === 'authorization_code') {
    const code = form.get('code') ?? '';
    const entry = ctx.state.codes.get(code);
    ctx.state.codes.delete(code);
    if (!entry || entry.expires < Date.now()) return reply(res, 400, { error: 'invalid_grant', error_description: 'The code is unknown, used or expired.' });
    if (form.get('redirect_uri') && form.get('redirect_uri') !== entry.redirectUri)
      return reply(res, 400, { error: 'invalid_grant', error_description: 'redirect_uri does not match the authorize request.' });
    if (entry.challenge) {
      const verifier = form.get('code_verifier') ?? '';
      const computed = entry.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
      if (computed !== entry.challenge) return reply(res, 400, { error: 'invalid_grant', error_description: 'PKCE code_verifier does not match.' });
    }
    const token = await ctx.mint({ version: entry.version, tenantId: ctx.tenantId, scopes: entry.scopes, expiresIn: LIFETIME_S });
    return reply(res, 200, { token_type: 'Bearer', access_token: token, expires_in: LIFETIME_S, scope: entry.scopes.join(' ') });
  }
  if (grant === 'client_credentials') {
    // App-only token: roles, no scp, no user claims beyond the service principal's oid.
    const token = await ctx.mint({
      version: ctx.version,
      tenantId: ctx.tenantId,
      scopes: [],
      roles: ctx.appRoles ?? [],
      expiresIn: LIFETIME_S,
      claims: { idtyp: 'app', name: undefined, preferred_username: undefined, upn: undefined, unique_name: undefined },
    });
    return reply(res, 200, { token_type: 'Bearer', access_token: token, expires_in: LIFETIME_S });
  }
  reply(res, 400, { error: 'unsupported_grant_type', error_description: `grant_type ${grant ?? '(none)'} is not supported by the dev issuer` });
}
