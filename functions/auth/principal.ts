import type { JWTPayload } from 'jose';
import type { CallerIdentity } from '../models/me';

/**
 * The authenticated caller, built from a verified Entra access token (becomes RequestContext.user). It is the
 * CallerIdentity model that GetMe returns: one declaration, documented for the spec in models/me.ts.
 */
export type Principal = CallerIdentity;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function toPrincipal(p: JWTPayload): Principal {
  const out: Principal = {
    objectId: str(p.oid) ?? str(p.sub) ?? '',
    tenantId: str(p.tid) ?? '',
    scopes: (str(p.scp) ?? '').split(' ').filter(Boolean),
    roles: Array.isArray(p.roles) ? p.roles.filter((r): r is string => typeof r === 'string') : [],
    tokenVersion: p.ver === '1.0' ? '1.0' : '2.0',
  };
  const name = str(p.name);
  const userName = str(p.preferred_username) ?? str(p.upn) ?? str(p.unique_name);
  const client = str(p.azp) ?? str(p.appid);
  if (name) out.name = name;
  if (userName) out.userName = userName;
  if (client) out.clientAppId = client;
  return out;
}

/** Type guard for RequestContext.user. */
export function isPrincipal(u: unknown): u is Principal {
  return typeof u === 'object' && u !== null && typeof (u as Principal).objectId === 'string' && Array.isArray((u as Principal).scopes);
}
