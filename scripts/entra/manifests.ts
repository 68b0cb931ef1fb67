/**
 * The Entra app manifests (infra/entra/api-app.json, connector-app.json): loaded and schema-checked once per
 * deploy, then filled with the environment's names and the ids the deploy learns (appIds, the scope id).
 */
import { type DeployContext, UNKNOWN, fill, loadManifest, type Manifest, type ManifestSpec } from '../deploy/providers/kit';
import { CkError } from '../core/errors';

const SCHEMA = 'infra/entra/schema.json';
const COMMON = ['displayName', 'uniqueName', 'tenantId', 'environment'] as const;

export const API_APP_MANIFEST: ManifestSpec = { file: 'infra/entra/api-app.json', schema: SCHEMA, definition: 'apiApp', placeholders: [...COMMON, 'scope', 'scopeId', 'appId', 'connectorAppId'] };
export const CONNECTOR_APP_MANIFEST: ManifestSpec = { file: 'infra/entra/connector-app.json', schema: SCHEMA, definition: 'connectorApp', placeholders: [...COMMON, 'scope', 'scopeId', 'apiAppId'] };

/** The id placeholder that marks the API's own scope among `api.oauth2PermissionScopes`. */
export const SCOPE_ID = '${scopeId}';

export interface Scope extends Record<string, unknown> {
  id: string;
  value: string;
}
export interface PreAuthorized {
  appId: string;
  delegatedPermissionIds: string[];
}

/** Both manifests, plus the unique names the apps are found by (filled from the environment). */
export interface EntraManifests {
  apiApp: Manifest;
  connectorApp: Manifest;
  apiUniqueName: string;
  connectorUniqueName: string;
}

const cache = new WeakMap<DeployContext, EntraManifests>();

/** Loads (once per deploy context) and checks the two manifests. */
export function entraManifests(ctx: DeployContext): EntraManifests {
  let m = cache.get(ctx);
  if (m) return m;
  const apiApp = loadManifest(ctx.opts.root, API_APP_MANIFEST);
  const connectorApp = loadManifest(ctx.opts.root, CONNECTOR_APP_MANIFEST);
  const ours = (apiApp.api as { oauth2PermissionScopes: Scope[] }).oauth2PermissionScopes.filter((s) => s.id === SCOPE_ID);
  if (ours.length !== 1) {
    throw new CkError({
      code: 'CK_DEPLOY_INFRA_INVALID',
      target: `${API_APP_MANIFEST.file}#api.oauth2PermissionScopes`,
      message: `${API_APP_MANIFEST.file}: api.oauth2PermissionScopes must have exactly one scope with id "${SCOPE_ID}" (the API's scope); it has ${ours.length}.`,
    });
  }
  const apiUniqueName = fill(apiApp.uniqueName as string, apiValues(ctx), API_APP_MANIFEST.file, [], 'uniqueName');
  const connectorUniqueName = fill(connectorApp.uniqueName as string, connectorValues(ctx), CONNECTOR_APP_MANIFEST.file, [], 'uniqueName');
  m = { apiApp, connectorApp, apiUniqueName, connectorUniqueName };
  cache.set(ctx, m);
  return m;
}

/** Placeholder values for the API app manifest; ids not known yet are UNKNOWN. */
export function apiValues(ctx: DeployContext, more: Record<string, string> = {}): Record<string, string> {
  const ref = ctx.env.entra.apiApp;
  return {
    displayName: ref.displayName,
    uniqueName: ref.uniqueName,
    tenantId: ctx.env.tenantId,
    environment: ctx.env.name,
    scope: ctx.opts.scope,
    scopeId: ctx.out.scopeId ?? UNKNOWN,
    appId: ctx.out.apiAppId ?? UNKNOWN,
    connectorAppId: ctx.out.connectorAppId ?? UNKNOWN,
    ...more,
  };
}

/** Placeholder values for the connector app manifest. */
export function connectorValues(ctx: DeployContext): Record<string, string> {
  const ref = ctx.env.entra.connectorApp;
  return {
    displayName: ref.displayName,
    uniqueName: ref.uniqueName,
    tenantId: ctx.env.tenantId,
    environment: ctx.env.name,
    scope: ctx.out.scope ?? ctx.opts.scope,
    scopeId: ctx.out.scopeId ?? UNKNOWN,
    apiAppId: ctx.out.apiAppId ?? UNKNOWN,
  };
}

/** The value (name) of the API's scope, filled from the manifest (its id is computed from it). */
export function apiScopeValue(ctx: DeployContext, m: EntraManifests): string {
  const tpl = (m.apiApp.api as { oauth2PermissionScopes: Scope[] }).oauth2PermissionScopes.find((s) => s.id === SCOPE_ID)!;
  return fill(tpl.value, apiValues(ctx), API_APP_MANIFEST.file, ['scopeId'], 'api.oauth2PermissionScopes.value');
}

/** The API app manifest filled, split into what the app step owns and what the pre-authorization step owns. */
export function filledApiApp(ctx: DeployContext, m: EntraManifests, values: Record<string, string>) {
  const filled = fill(m.apiApp, apiValues(ctx, values), API_APP_MANIFEST.file);
  const { uniqueName, api, ...rest } = filled as Manifest & { api: Record<string, unknown> & { oauth2PermissionScopes: Scope[]; preAuthorizedApplications?: PreAuthorized[] } };
  const { preAuthorizedApplications, ...ownApi } = api;
  return { uniqueName: uniqueName as string, rest, api: ownApi, preAuthorized: preAuthorizedApplications ?? [] };
}

/** The connector app manifest filled, with the per-connector redirect URIs of the environment added. */
export function filledConnectorApp(ctx: DeployContext): Manifest & { web: { redirectUris: string[] }; requiredResourceAccess: unknown[] } {
  const m = entraManifests(ctx);
  const filled = fill(m.connectorApp, connectorValues(ctx), CONNECTOR_APP_MANIFEST.file) as Manifest & { web: { redirectUris: string[] }; requiredResourceAccess: unknown[] };
  const base = filled.web.redirectUris[0]!;
  return { ...filled, web: { ...filled.web, redirectUris: [...filled.web.redirectUris, ...ctx.env.entra.connectorIds.map((id) => `${base}/${id}`)] } };
}

/** Top-level keys of the API app that need its own appId, so they are set right after the create. */
export function afterCreateKeys(rest: Manifest): string[] {
  return Object.keys(rest).filter((k) => JSON.stringify(rest[k]).includes(UNKNOWN));
}
