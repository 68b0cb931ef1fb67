/**
 * The fixed identities of local development: one tenant, the API app, the connector (client) app and a dev user.
 * Fixed GUIDs keep tokens, app settings and docs stable across runs.
 */
export interface DevIdentities {
  tenantId: string;
  /** Client id of the API app registration (v2 `aud`); v1 tokens use `api://{apiAppId}`. */
  apiAppId: string;
  /** Client id of the calling app (the connector / Swagger UI); `azp` (v2) or `appid` (v1). */
  clientAppId: string;
  user: { oid: string; name: string; username: string };
}

export const DEV_IDENTITIES: Readonly<DevIdentities> = Object.freeze({
  tenantId: '7e57a1d0-0000-4000-8000-00000000c0de',
  apiAppId: 'a9f1c0de-0000-4000-8000-0000000000a1',
  clientAppId: 'c1e7c0de-0000-4000-8000-0000000000c1',
  user: Object.freeze({ oid: '0d3e5a11-0000-4000-8000-00000000d3e0', name: 'Dev User', username: 'dev.user@contoso.example' }),
});

/** The audiences the function accepts for the dev API app: App ID URI (v1) and GUID (v2). */
export function devAudiences(ids: DevIdentities = DEV_IDENTITIES): string[] {
  return [`api://${ids.apiAppId}`, ids.apiAppId];
}
