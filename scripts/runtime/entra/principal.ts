import type { JWTPayload } from 'jose';

/**
 * The authenticated caller, built from a verified Entra access token; it becomes `RequestContext.user` of an
 * operation with `@Security('entra', …)`. A project that returns it from an operation declares a model of the same
 * shape for the spec (the sample's functions/models/me.ts).
 */
export interface EntraPrincipal {
  /** `oid` (or `sub`): the user, or the service principal of an app-only token. */
  objectId: string;
  /** `tid`. */
  tenantId: string;
  /** `name`. */
  name?: string;
  /** `preferred_username` (v2), `upn` or `unique_name` (v1). */
  userName?: string;
  /** `azp` (v2) or `appid` (v1): the client application. */
  clientAppId?: string;
  /** `scp`, split: delegated scopes. */
  scopes: string[];
  /** `roles`: app roles. */
  roles: string[];
  tokenVersion: '1.0' | '2.0';
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The principal of a verified payload, without undefined members (so it serialises as documented). */
export function toPrincipal(p: JWTPayload): EntraPrincipal {
  const out: EntraPrincipal = {
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

/** Type guard for `RequestContext.user`. */
export function isEntraPrincipal(u: unknown): u is EntraPrincipal {
  return typeof u === 'object' && u !== null && typeof (u as EntraPrincipal).objectId === 'string' && Array.isArray((u as EntraPrincipal).scopes);
}
