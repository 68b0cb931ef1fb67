/** Shared CRUD of tracked resources under a resource group (location, tags, sku/kind/identity as top-level fields). */
import type { DoubleResponse } from '../doubles-common';
import { armError } from './arm-http';
import type { ArmHandler, HandlerCtx } from './handler-context';
import { bodyObject, entityBody } from './handler-context';
import type { ArmEntity } from './types';

/** What a family's PUT stores: top-level fields and properties (location/tags are taken from the body by default). */
export interface TrackedWrite {
  top?: Record<string, unknown>;
  properties: Record<string, unknown>;
  hidden?: Record<string, unknown>;
}

/** 404 the way ARM words a missing tracked resource. */
export function resourceNotFound(ctx: HandlerCtx, type: string = ctx.route.family): DoubleResponse {
  return armError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${ctx.route.resource}' under resource group '${ctx.route.resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

/** location + tags of the request body (tags kept as sent; absent tags → none). */
export function placement(ctx: HandlerCtx, existing?: ArmEntity): Record<string, unknown> {
  const b = bodyObject(ctx) ?? {};
  const top: Record<string, unknown> = { location: (b.location as string | undefined) ?? existing?.top?.location };
  if (b.tags && typeof b.tags === 'object') top.tags = { ...(b.tags as Record<string, string>) };
  return top;
}

/**
 * PUT create-or-replace: `build(existing)` returns what to store; 201 when new (or `createdStatus`), 200 when it
 * existed. `after` may change the answer (e.g. an LRO start).
 */
export function trackedPut(
  ctx: HandlerCtx,
  build: (existing: ArmEntity | undefined) => TrackedWrite | DoubleResponse,
  opts: { createdStatus?: number; after?: (e: ArmEntity, created: boolean) => DoubleResponse | undefined } = {},
): DoubleResponse {
  const id = ctx.parentId;
  const existing = ctx.store.get(id);
  const w = build(existing);
  if ('status' in w) return w as DoubleResponse;
  const write = w as TrackedWrite;
  const e = ctx.store.put({
    id: existing?.id ?? id,
    name: existing?.name ?? ctx.route.resource,
    type: ctx.route.family,
    top: write.top ?? placement(ctx, existing),
    properties: write.properties,
    hidden: write.hidden ?? existing?.hidden,
  });
  const custom = opts.after?.(e, !existing);
  if (custom) return custom;
  return { status: existing ? 200 : (opts.createdStatus ?? 201), body: entityBody(e) };
}

/** GET of the route's resource (404 ResourceNotFound). */
export const trackedGet: ArmHandler = (ctx) => {
  const e = ctx.store.get(ctx.parentId);
  return e ? { status: 200, body: entityBody(e) } : resourceNotFound(ctx);
};

/** DELETE of the route's resource and everything under it: `status` when it existed, 204 when absent. */
export function trackedDelete(status = 200): ArmHandler {
  return (ctx) => {
    if (!ctx.store.get(ctx.parentId)) return { status: 204 };
    ctx.lro.settle(ctx.parentId);
    ctx.store.deleteTree(ctx.parentId);
    return { status };
  };
}

/** PATCH that merges tags (and, when `merge` is given, properties) into the stored resource. */
export function trackedPatch(merge?: (e: ArmEntity, body: Record<string, unknown>) => void): ArmHandler {
  return (ctx) => {
    const e = ctx.store.get(ctx.parentId);
    if (!e) return resourceNotFound(ctx);
    const b = bodyObject(ctx) ?? {};
    const top = { ...(e.top ?? {}) };
    if (b.tags && typeof b.tags === 'object') top.tags = { ...(b.tags as Record<string, string>) };
    const next = structuredClone({ ...e, top });
    merge?.(next, b);
    const stored = ctx.store.put({ id: e.id, name: e.name, type: e.type, top: next.top, properties: next.properties, hidden: next.hidden });
    return { status: 200, body: entityBody(stored) };
  };
}

/** The name availability verdict shared by the providers' checkNameAvailability. */
export function nameTaken(ctx: HandlerCtx, kind: 'apim' | 'storage' | 'site', name: string, type: string): boolean {
  const taken = (ctx.opts.takenNames?.[kind] ?? []).some((n) => n.toLowerCase() === name.toLowerCase());
  return taken || ctx.store.list(type).some((e) => e.name.toLowerCase() === name.toLowerCase());
}
