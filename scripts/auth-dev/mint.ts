/**
 * Mints Entra-shaped access tokens. The `version` switch flips everything that differs between v1 and v2 tokens
 * together: `iss`, the `aud` form, the client claim (`appid`/`azp`), the user-name claims and the `x5t` header.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import type { KeySet } from './keys';
import { DEV_IDENTITIES, type DevIdentities } from './identities';

export type TokenVersion = '1.0' | '2.0';

export interface MintOptions {
  /** Issuer base URL, e.g. http://127.0.0.1:7072 (no trailing slash). */
  baseUrl: string;
  version?: TokenVersion;
  /** Delegated scopes (space-joined into `scp`); empty → no `scp` claim (app-only token). */
  scopes?: string[];
  roles?: string[];
  /** Lifetime in seconds (default 3600). Negative values mint an already expired token. */
  expiresIn?: number;
  /** Seconds from now before which the token is not valid (default 0 → nbf = now - 5 min like Entra). */
  notBeforeIn?: number;
  /** Overrides for negative tests. */
  tenantId?: string;
  audience?: string;
  issuer?: string;
  /** Signing key id (default: the active key). */
  kid?: string;
  identities?: DevIdentities;
  /** Extra or replacement claims. */
  claims?: JWTPayload;
}

/** Issuer URLs of the dev issuer for a tenant, shaped like Entra's. */
export function devIssuers(baseUrl: string, tenantId: string): { v1: string; v2: string } {
  return { v1: `${baseUrl}/${tenantId}/`, v2: `${baseUrl}/${tenantId}/v2.0` };
}

export async function mintAccessToken(keys: KeySet, o: MintOptions): Promise<string> {
  const ids = o.identities ?? DEV_IDENTITIES;
  const version = o.version ?? '2.0';
  const tid = o.tenantId ?? ids.tenantId;
  const now = Math.floor(Date.now() / 1000);
  const nbf = o.notBeforeIn ? now + o.notBeforeIn : now - 300;
  const exp = now + (o.expiresIn ?? 3600);
  const iss = o.issuer ?? (version === '1.0' ? devIssuers(o.baseUrl, tid).v1 : devIssuers(o.baseUrl, tid).v2);
  const claims: JWTPayload = {
    aud: o.audience ?? (version === '1.0' ? `api://${ids.apiAppId}` : ids.apiAppId),
    iss,
    iat: Math.min(now, nbf),
    nbf,
    exp,
    aio: randomBytes(24).toString('base64url'),
    name: ids.user.name,
    oid: ids.user.oid,
    rh: `0.${randomBytes(16).toString('base64url')}.`,
    sub: randomBytes(16).toString('base64url'),
    tid,
    uti: randomBytes(11).toString('base64url'),
    ver: version,
  };
  if (o.scopes && o.scopes.length) claims.scp = o.scopes.join(' ');
  if (o.roles && o.roles.length) claims.roles = o.roles;
  if (version === '1.0') {
    Object.assign(claims, { appid: ids.clientAppId, appidacr: '1', upn: ids.user.username, unique_name: ids.user.username, amr: ['pwd'], acr: '1' });
  } else {
    Object.assign(claims, { azp: ids.clientAppId, azpacr: '1', preferred_username: ids.user.username });
  }
  Object.assign(claims, o.claims);
  const key = keys.get(o.kid);
  const header: Record<string, string> = { alg: 'RS256', typ: 'JWT', kid: key.kid };
  if (version === '1.0') header.x5t = key.kid;
  return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(key.privateKey);
}
