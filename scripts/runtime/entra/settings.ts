/**
 * The Entra check's app settings (the same names locally and in Azure; `connectorkit serve` and `deploy` set them,
 * AUTH_REQUIRED_SCOPE and AUTH_APP_ROLES from `connectorkit.auth`):
 * AUTH_TENANT_ID, AUTH_AUDIENCES, AUTH_ISSUERS, AUTH_OPENID_CONFIG_URLS, AUTH_REQUIRED_SCOPE, AUTH_APP_ROLES.
 * Issuers and metadata URLs default to Entra's v1 and v2 endpoints for the tenant.
 */
export interface AuthSettings {
  tenantId: string;
  /** Accepted `aud` values: `api://{appId}` (v1 tokens) and the app id GUID (v2 tokens). */
  audiences: string[];
  /** Accepted `iss` values. */
  issuers: string[];
  /** OpenID metadata documents whose `jwks_uri` holds the signing keys. */
  openIdConfigUrls: string[];
  /** Delegated scope required in `scp`; overrides the scopes named in `@Security` when set. */
  requiredScope?: string;
  /** App roles (in `roles`) that are accepted instead of the scope, e.g. for app-only callers. */
  appRoles: string[];
  /** Minimum time between JWKS refetches triggered by an unknown `kid`. */
  jwksCooldownMs: number;
}

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads the settings; returns the names of missing required settings instead of throwing. */
export function readAuthSettings(env: NodeJS.ProcessEnv = process.env): { settings?: AuthSettings; missing: string[] } {
  const tenantId = (env.AUTH_TENANT_ID ?? '').trim();
  const audiences = list(env.AUTH_AUDIENCES);
  const missing = [!tenantId && 'AUTH_TENANT_ID', audiences.length === 0 && 'AUTH_AUDIENCES'].filter((x): x is string => !!x);
  if (missing.length) return { missing };
  const issuers = list(env.AUTH_ISSUERS);
  const urls = list(env.AUTH_OPENID_CONFIG_URLS);
  const cooldown = Number(env.AUTH_JWKS_COOLDOWN_MS);
  return {
    missing: [],
    settings: {
      tenantId,
      audiences,
      issuers: issuers.length ? issuers : [`https://sts.windows.net/${tenantId}/`, `https://login.microsoftonline.com/${tenantId}/v2.0`],
      openIdConfigUrls: urls.length
        ? urls
        : [`https://login.microsoftonline.com/${tenantId}/v2.0/.well-known/openid-configuration`, `https://login.microsoftonline.com/${tenantId}/.well-known/openid-configuration`],
      requiredScope: env.AUTH_REQUIRED_SCOPE?.trim() || undefined,
      appRoles: list(env.AUTH_APP_ROLES),
      // APIM refetches on an unknown kid at most every 5 min; jose's default cooldown is 30 s.
      jwksCooldownMs: Number.isFinite(cooldown) && cooldown >= 0 && env.AUTH_JWKS_COOLDOWN_MS ? cooldown : 30_000,
    },
  };
}
