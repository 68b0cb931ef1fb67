/**
 * Bearer-token check shared by the ARM and SCM doubles: presence, JWT shape, audience, optional issuer and expiry.
 * Signature verification is delegated to an optional `verifyToken` hook (the token-authority double can supply one).
 */

/** Options for the bearer check. */
export interface BearerOptions {
  /** Accepted `aud` values (trailing slash and `/.default` ignored). Default: the public ARM audiences. */
  audiences?: string[];
  /** Accepted `iss` values (exact); unset = any issuer. */
  issuers?: string[];
  /** Extra verification (e.g. signature against the token double's JWKS); throw or return a message to reject. */
  verifyToken?: (token: string, claims: Record<string, unknown>) => Promise<string | void> | string | void;
  /** Skip all checks except presence (for ad-hoc probing). */
  presenceOnly?: boolean;
}

/** The result: the claims when accepted, else the reason (becomes a 401). */
export type BearerResult = { ok: true; claims: Record<string, unknown> } | { ok: false; code: string; message: string };

const ARM_AUDIENCES = ['https://management.azure.com', 'https://management.core.windows.net'];

function norm(aud: string): string {
  return aud
    .replace(/\/\.default$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

/** Decodes one base64url JWT segment as JSON, or undefined. */
function segment(s: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Checks an Authorization header value. */
export async function checkBearer(header: string | undefined, opts: BearerOptions = {}): Promise<BearerResult> {
  if (!header) return { ok: false, code: 'AuthenticationFailed', message: "Authentication failed. The 'Authorization' header is missing." };
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) return { ok: false, code: 'AuthenticationFailed', message: "Authentication failed. The 'Authorization' header is provided in an invalid format." };
  const token = m[1];
  if (opts.presenceOnly) return { ok: true, claims: {} };
  const parts = token.split('.');
  const head = parts.length === 3 ? segment(parts[0]) : undefined;
  const claims = parts.length === 3 ? segment(parts[1]) : undefined;
  if (!head || !claims || typeof head.alg !== 'string') {
    return { ok: false, code: 'InvalidAuthenticationToken', message: 'The access token is invalid (not a JWT).' };
  }
  const audiences = (opts.audiences ?? ARM_AUDIENCES).map(norm);
  const aud = typeof claims.aud === 'string' ? claims.aud : '';
  if (!audiences.includes(norm(aud))) {
    return {
      ok: false,
      code: 'InvalidAuthenticationTokenAudience',
      message: `The access token has been obtained for wrong audience or resource '${aud}'. It should exactly match with one of the allowed audiences '${audiences.join("','")}'.`,
    };
  }
  if (opts.issuers && !opts.issuers.includes(String(claims.iss))) {
    return { ok: false, code: 'InvalidAuthenticationTokenTenant', message: `The access token is from the wrong issuer '${String(claims.iss)}'.` };
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
    return { ok: false, code: 'ExpiredAuthenticationToken', message: 'The access token expiry UTC time is earlier than current UTC time.' };
  }
  if (opts.verifyToken) {
    try {
      const why = await opts.verifyToken(token, claims);
      if (why) return { ok: false, code: 'InvalidAuthenticationToken', message: why };
    } catch (e) {
      return { ok: false, code: 'InvalidAuthenticationToken', message: (e as Error).message };
    }
  }
  return { ok: true, claims };
}

/** Builds an unsigned JWT-shaped token (alg none) for tests of the doubles themselves. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ exp: Math.floor(Date.now() / 1000) + 3600, ...claims })}.sig`;
}

/** A TokenCredential-compatible object returning a fixed JWT-shaped token (for SDK clients in the doubles' tests). */
export function staticTokenCredential(claims: Record<string, unknown> = {}): { getToken(): Promise<{ token: string; expiresOnTimestamp: number }> } {
  const token = fakeJwt({ aud: 'https://management.azure.com', iss: 'https://sts.windows.net/tenant/', oid: '11111111-2222-3333-4444-555555555555', ...claims });
  return { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
}

/**
 * A `verifyToken` hook that checks the JWT signature against a JWKS URL (e.g. the token double's
 * `{url}/{tenant}/discovery/v2.0/keys`), so the double only accepts tokens issued by that authority.
 */
export function jwksVerifier(jwksUrl: string): NonNullable<BearerOptions['verifyToken']> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jose loads only for doubles that verify real tokens
  const jose = require('jose') as typeof import('jose');
  const keys = jose.createRemoteJWKSet(new URL(jwksUrl));
  return async (token) => {
    await jose.jwtVerify(token, keys);
  };
}
