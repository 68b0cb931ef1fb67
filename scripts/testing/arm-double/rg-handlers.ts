/** Microsoft.Resources resource groups (2025-04-01) and the generic Location poll of provisioning LROs. */
import { armError } from './arm-http';
import type { ArmHandler, HandlerCtx } from './handler-context';
import { bodyObject, entityBody, page, startLocationLro } from './handler-context';
import { trackedPatch } from './tracked';
import type { ArmEntity } from './types';

const T_RG = 'Microsoft.Resources/resourceGroups';

function rgNotFound(ctx: HandlerCtx): ReturnType<ArmHandler> {
  return armError(404, 'ResourceGroupNotFound', `Resource group '${ctx.route.resourceGroup}' could not be found.`);
}

/** The stored form of a resource group. */
export function rgEntity(id: string, name: string, location: string, tags?: Record<string, string>): Omit<ArmEntity, 'etag'> {
  return { id, name, type: T_RG, top: { location, ...(tags ? { tags: { ...tags } } : {}) }, properties: { provisioningState: 'Succeeded' } };
}

const getRg: ArmHandler = (ctx) => {
  const e = ctx.store.get(ctx.parentId);
  return e ? { status: 200, body: entityBody(e) } : rgNotFound(ctx);
};

const headRg: ArmHandler = (ctx) => (ctx.store.get(ctx.parentId) ? { status: 204 } : { status: 404 });

const putRg: ArmHandler = (ctx) => {
  const existing = ctx.store.get(ctx.parentId);
  const b = bodyObject(ctx) ?? {};
  const location = String(b.location ?? '');
  if (
    existing &&
    String(existing.top?.location ?? '')
      .replace(/\s/g, '')
      .toLowerCase() !== location.replace(/\s/g, '').toLowerCase()
  ) {
    return armError(409, 'InvalidResourceGroupLocation', `Invalid resource group location '${location}'. The Resource group already exists in location '${String(existing.top?.location)}'.`);
  }
  const tags = b.tags && typeof b.tags === 'object' ? (b.tags as Record<string, string>) : undefined;
  const e = ctx.store.put(rgEntity(existing?.id ?? ctx.parentId, existing?.name ?? ctx.route.resourceGroup, existing ? String(existing.top?.location) : location, tags));
  return { status: existing ? 200 : 201, body: entityBody(e) };
};

/** DELETE: 202 + Location; the group shows Deleting until the operation ends, then it and everything in it is gone. */
const deleteRg: ArmHandler = (ctx) => {
  const e = ctx.store.get(ctx.parentId);
  if (!e) return rgNotFound(ctx);
  if (e.properties.provisioningState === 'Deleting') {
    // A repeated delete (a client that lost the first answer) joins the running operation: the same Location.
    const running = ctx.lro.runningOp(e.id);
    return { status: 202, headers: running ? ctx.lro.locationHeaders(ctx.base, ctx.store.subscriptionId, running, ctx.apiVersion) : {} };
  }
  e.properties.provisioningState = 'Deleting';
  const headers = startLocationLro(
    ctx,
    e.id,
    () => {
      ctx.lro.settle(e.id);
      // Role assignments at or under the group have ids under it, so they go too (as in Azure).
      ctx.store.deleteTree(e.id);
    },
    () => {
      const cur = ctx.store.get(e.id);
      if (cur) cur.properties.provisioningState = 'Succeeded';
    },
  );
  return { status: 202, headers };
};

/**
 * GET `{group}/resources` (Resources_ListByResourceGroup): the group's tracked resources (ids `{group}/providers/{ns}/
 * {type}/{name}`; not child resources, not role assignments, as ARM lists them) with their tags, kind, sku, identity.
 */
const listResources: ArmHandler = (ctx) => {
  if (ctx.req.url.searchParams.get('$filter')) {
    ctx.flag('the ARM double does not implement $filter on Resources_ListByResourceGroup');
    return armError(400, 'DoubleUnsupported', 'The ARM double does not implement $filter on this list.');
  }
  const prefix = `${ctx.parentId}/providers/`.toLowerCase();
  const items = ctx.store
    .list()
    .filter((e) => e.id.toLowerCase().startsWith(prefix) && e.id.slice(prefix.length).split('/').length === 3 && !e.type.startsWith('Microsoft.Authorization/'))
    .map((e) => {
      const { location, tags, kind, sku, identity, managedBy } = (e.top ?? {}) as Record<string, unknown>;
      return Object.fromEntries(Object.entries({ id: e.id, name: e.name, type: e.type, location, tags, kind, sku, identity, managedBy }).filter(([, v]) => v !== undefined));
    });
  const res = page(ctx, items);
  delete (res.body as Record<string, unknown>).count;
  return res;
};

export const RG_HANDLERS: Record<string, ArmHandler> = {
  'GET resources': listResources,
  'GET ': getRg,
  'HEAD ': headRg,
  'PUT ': putRg,
  'PATCH ': trackedPatch(),
  'DELETE ': deleteRg,
};

/** GET of the generic Location poll URL. */
export const OPERATION_HANDLERS: Record<string, ArmHandler> = {
  'GET ': (ctx) => ctx.lro.pollLocation(ctx.route.resource, ctx.req.url.toString()),
};
