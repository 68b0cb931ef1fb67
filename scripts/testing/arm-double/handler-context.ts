/** What every ARM double handler gets, plus the shared entity/If-Match/paging helpers. */
import type { DoubleRequest, DoubleResponse, FaultDecision } from '../doubles-common';
import { armError, notFound } from './arm-http';
import type { ArmRoute } from './arm-route';
import type { LroExtra, LroTracker } from './lro';
import type { ArmStore } from './state';
import type { ArmDoubleOptions, ArmEntity } from './types';

/** Per-request context. */
export interface HandlerCtx {
  req: DoubleRequest;
  route: ArmRoute;
  store: ArmStore;
  lro: LroTracker;
  /** The double's base URL (https://127.0.0.1:port). */
  base: string;
  apiVersion: string;
  /** ARM id of the route's resource: the APIM service, Web site, resource group, storage account, … ('' for none). */
  parentId: string;
  /** The double's options (takenNames, flexRegions, principal checks, …). */
  opts: ArmDoubleOptions;
  tenantId: string;
  /** Object id of the caller (token `oid`). */
  caller: string;
  /** The fault decided for this request, when it is handled inside the operation (lroFailed). */
  fault?: FaultDecision;
  pageSize: number;
  /** Records a double-side problem (an unsupported feature) as a violation so the test fails loudly. */
  flag(problem: string): void;
}

export type ArmHandler = (ctx: HandlerCtx) => DoubleResponse;

/** Standard body of an entity: id, type, name, extra top-level fields, properties. */
export function entityBody(e: ArmEntity, properties: Record<string, unknown> = e.properties): Record<string, unknown> {
  return { id: e.id, type: e.type, name: e.name, ...(e.top ?? {}), properties };
}

/** 200 with the entity and its ETag. */
export function ok(e: ArmEntity, status = 200, properties?: Record<string, unknown>, headers: Record<string, string> = {}): DoubleResponse {
  return { status, headers: { etag: e.etag, ...headers }, body: entityBody(e, properties) };
}

/**
 * If-Match semantics: absent → unconditional; `*` → any existing entity (a missing one is allowed for PUT
 * create and DELETE); otherwise it must equal the current ETag → else 412 PreconditionFailed.
 */
export function preconditionFailure(ctx: HandlerCtx, existing: ArmEntity | undefined): DoubleResponse | undefined {
  const ifMatch = ctx.req.headers['if-match'];
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  if (
    existing &&
    ifMatch
      .split(',')
      .map((s) => s.trim())
      .includes(existing.etag)
  )
    return undefined;
  return armError(
    412,
    'PreconditionFailed',
    existing
      ? `The entity has been modified since it was read (If-Match ${ifMatch} does not match the current ETag ${existing.etag}); re-read it and retry.`
      : `The entity does not exist, so If-Match ${ifMatch} cannot match.`,
  );
}

/** HEAD of an entity: 200 with its ETag, else 404. */
export function headEntity(ctx: HandlerCtx, id: string): DoubleResponse {
  const e = ctx.store.get(id);
  return e ? { status: 200, headers: { etag: e.etag } } : notFound('Entity');
}

/** GET of an entity: 200 with its ETag and body (`view` picks the properties), else 404 naming `what`. */
export function getEntity(ctx: HandlerCtx, id: string, what: string, view?: (e: ArmEntity) => Record<string, unknown>): DoubleResponse {
  const e = ctx.store.get(id);
  return e ? ok(e, 200, view?.(e)) : notFound(what);
}

/** A conditional PUT: If-Match checked against the current entity, then `write(existing)` answers. */
export function putEntity(ctx: HandlerCtx, id: string, write: (existing: ArmEntity | undefined) => DoubleResponse): DoubleResponse {
  const existing = ctx.store.get(id);
  return preconditionFailure(ctx, existing) ?? write(existing);
}

/** A conditional DELETE: 204 when there is nothing to delete, If-Match, then `remove(existing)` answers. */
export function deleteEntity(ctx: HandlerCtx, id: string, remove: (existing: ArmEntity) => DoubleResponse): DoubleResponse {
  const existing = ctx.store.get(id);
  if (!existing) return { status: 204 };
  return preconditionFailure(ctx, existing) ?? remove(existing);
}

/** Starts an LRO on `id` (it fails, running `onFail`, under the lroFailed fault); returns the headers for `status`. */
export function startLro(ctx: HandlerCtx, id: string, status: number, onSucceed: () => void, onFail: () => void): Record<string, string> {
  const opId = ctx.lro.start(id, ctx.fault?.kind === 'lroFailed', onSucceed, onFail);
  return ctx.lro.headers(ctx.base, ctx.parentId, id, ctx.apiVersion, opId, status);
}

/** The LRO of a write that left `id` InProgress: Succeeded when it ends, `rollback` when it fails. */
export function startProvisioning(ctx: HandlerCtx, id: string, status: number, rollback: () => void): Record<string, string> {
  const succeed = (): void => {
    const cur = ctx.store.get(id);
    if (cur) cur.properties.provisioningState = 'Succeeded';
  };
  return startLro(ctx, id, status, succeed, rollback);
}

/**
 * Starts a provisioning LRO polled at the generic Location URL (`/subscriptions/{s}/operationresults/{id}`); returns
 * its headers. Under the lroFailed fault it ends Failed and `onFail` rolls back.
 */
export function startLocationLro(ctx: HandlerCtx, entityId: string, onSucceed: () => void, onFail: () => void, extra: Omit<LroExtra, 'origin'> = {}): Record<string, string> {
  const opId = ctx.lro.start(entityId, ctx.fault?.kind === 'lroFailed', onSucceed, onFail, { ...extra, origin: { url: ctx.req.url.toString(), method: ctx.req.method } });
  return ctx.lro.locationHeaders(ctx.base, ctx.store.subscriptionId, opId, ctx.apiVersion);
}

/** A page of a collection with `nextLink` (honours `$top`/`$skip`). */
export function page(ctx: HandlerCtx, items: Array<Record<string, unknown>>): DoubleResponse {
  const q = ctx.req.url.searchParams;
  const skip = Number(q.get('$skip') ?? 0) || 0;
  const top = q.get('$top') !== null ? Number(q.get('$top')) : undefined;
  const end = top !== undefined ? Math.min(items.length, skip + top) : items.length;
  const size = Math.min(ctx.pageSize, end - skip);
  const value = items.slice(skip, skip + Math.max(0, size));
  const body: Record<string, unknown> = { value, count: items.length };
  if (skip + value.length < end) {
    const next = new URL(ctx.req.url.toString());
    next.searchParams.set('$skip', String(skip + value.length));
    if (top !== undefined) next.searchParams.set('$top', String(end - skip - value.length));
    body.nextLink = next.toString();
  }
  return { status: 200, body };
}

/** 404 with ARM's wording for the parent resource (service, site, account…) of a request. */
export function parentNotFound(ctx: HandlerCtx): DoubleResponse {
  const type = ctx.route.family;
  return armError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${ctx.route.resource}' under resource group '${ctx.route.resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

/** The body object of a request (JSON object) or undefined. */
export function bodyObject(ctx: HandlerCtx): Record<string, unknown> | undefined {
  const b = ctx.req.body;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : undefined;
}

/** `properties` of the request body (empty object when absent). */
export function bodyProperties(ctx: HandlerCtx): Record<string, unknown> {
  const p = bodyObject(ctx)?.properties;
  return p && typeof p === 'object' ? { ...(p as Record<string, unknown>) } : {};
}
