/**
 * Microsoft.ManagedIdentity 2024-11-30 user-assigned identities, Microsoft.OperationalInsights 2022-10-01 workspaces
 * and Microsoft.Insights 2020-02-02 (workspace-based) Application Insights components.
 */
import type { ArmHandler, HandlerCtx } from './handler-context';
import { bodyProperties } from './handler-context';
import { trackedDelete, trackedGet, trackedPatch, trackedPut } from './tracked';

/** principalId/clientId/tenantId of an identity: deterministic per (id, creation), stable across re-PUTs. */
export function identityProperties(ctx: Pick<HandlerCtx, 'store' | 'tenantId'>, id: string, created: boolean): Record<string, string> {
  return { tenantId: ctx.tenantId, principalId: ctx.store.guid('principal', id, created), clientId: ctx.store.guid('client', id, created) };
}

const putIdentity: ArmHandler = (ctx) =>
  trackedPut(ctx, (existing) => {
    const props = existing ? { ...existing.properties } : identityProperties(ctx, ctx.parentId, true);
    if (!existing) ctx.store.addPrincipal(String(props.principalId), ctx.opts.principalReplicationLag ?? 0);
    return { properties: { isolationScope: 'None', ...props, ...pick(bodyProperties(ctx), ['isolationScope']) } };
  });

/** Workspace properties Azure fills in (customerId, sku, retention). */
export function workspaceProperties(ctx: Pick<HandlerCtx, 'store'>, id: string, requested: Record<string, unknown>): Record<string, unknown> {
  return {
    sku: { name: 'PerGB2018' },
    retentionInDays: 30,
    publicNetworkAccessForIngestion: 'Enabled',
    publicNetworkAccessForQuery: 'Enabled',
    ...requested,
    customerId: ctx.store.guid('workspace', id),
    provisioningState: 'Succeeded',
    createdDate: new Date(0).toISOString(),
    modifiedDate: new Date(0).toISOString(),
  };
}

const putWorkspace: ArmHandler = (ctx) => trackedPut(ctx, (existing) => ({ properties: workspaceProperties(ctx, ctx.parentId, { ...(existing?.properties ?? {}), ...bodyProperties(ctx) }) }));

/** Component properties Azure fills in (AppId, InstrumentationKey, ConnectionString). */
export function componentProperties(ctx: Pick<HandlerCtx, 'store' | 'tenantId'>, id: string, name: string, location: string, requested: Record<string, unknown>): Record<string, unknown> {
  const ikey = ctx.store.guid('ikey', id);
  const region = location.replace(/\s/g, '').toLowerCase();
  return {
    Application_Type: 'web',
    IngestionMode: requested.WorkspaceResourceId ? 'LogAnalytics' : 'ApplicationInsights',
    ...requested,
    ApplicationId: name,
    AppId: ctx.store.guid('appid', id),
    InstrumentationKey: ikey,
    ConnectionString: `InstrumentationKey=${ikey};IngestionEndpoint=https://${region}-0.in.applicationinsights.azure.com/;LiveEndpoint=https://${region}.livediagnostics.monitor.azure.com/`,
    CreationDate: new Date(0).toISOString(),
    TenantId: ctx.tenantId,
    provisioningState: 'Succeeded',
  };
}

const putComponent: ArmHandler = (ctx) =>
  trackedPut(
    ctx,
    (existing) => {
      const b = (ctx.req.body ?? {}) as { location?: string; kind?: string; tags?: Record<string, string>; etag?: string };
      const location = b.location ?? String(existing?.top?.location ?? '');
      const top: Record<string, unknown> = { location, kind: b.kind ?? existing?.top?.kind ?? 'web' };
      if (b.tags) top.tags = { ...b.tags };
      return { top, properties: componentProperties(ctx, ctx.parentId, ctx.route.resource, location, { ...(existing?.properties ?? {}), ...bodyProperties(ctx) }) };
    },
    { createdStatus: 200 },
  );

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

export const IDENTITY_HANDLERS: Record<string, ArmHandler> = { 'GET ': trackedGet, 'PUT ': putIdentity, 'PATCH ': trackedPatch(), 'DELETE ': trackedDelete(200) };
export const WORKSPACE_HANDLERS: Record<string, ArmHandler> = { 'GET ': trackedGet, 'PUT ': putWorkspace, 'DELETE ': trackedDelete(200) };
export const COMPONENT_HANDLERS: Record<string, ArmHandler> = { 'GET ': trackedGet, 'PUT ': putComponent, 'PATCH ': trackedPatch(), 'DELETE ': trackedDelete(200) };
