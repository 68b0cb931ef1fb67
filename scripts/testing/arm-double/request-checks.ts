/** The ARM double's request-loop checks: LRO-start eligibility, scope existence, fault answers, answer contracts. */
import type { DoubleRequest, DoubleResponse, FaultDecision, SpecSetName } from '../doubles-common';
import { checkResponse } from '../doubles-common';
import { armError } from './arm-http';
import type { ArmRoute } from './arm-route';
import { parseArmPath } from './arm-route';
import type { HandlerCtx } from './handler-context';
import { parentNotFound } from './handler-context';
import type { LroTracker } from './lro';
import type { ArmStore } from './state';
import type { ArmDoubleOptions } from './types';

/** LRO polls: APIM's operationResults and the generic Location URL (outside every spec). */
export function isPollRoute(route: ArmRoute | undefined): boolean {
  return !!route && (route.family === 'operations' || (route.family === 'Microsoft.ApiManagement/service' && (route.shape === 'tenant/operationresults/*' || route.shape === 'operationresults/*')));
}

/** Provisioning writes that start an LRO (so the lroFailed fault may fire), given the current state. */
export function startsProvisioningLro(route: ArmRoute, method: string, store: ArmStore, opts: ArmDoubleOptions, id: string): boolean {
  if (route.rest.length) return false;
  if (route.family === 'Microsoft.Resources/resourceGroups') return method === 'DELETE';
  if (route.family === 'Microsoft.Storage/storageAccounts') return method === 'PUT' && !store.get(id) && (opts.storageCreate ?? 'async') === 'async';
  if (route.family === 'Microsoft.ApiManagement/service') return (method === 'PUT' && !store.get(id)) || (method === 'DELETE' && !!store.get(id));
  if (route.family === 'Microsoft.Web/sites') return method === 'PUT' && !store.get(id) && (opts.siteCreate ?? 'async') === 'async';
  return false;
}

/** The answer for faults that fire before handling (no state change); undefined for in-handler faults. */
export function faultResponse(f: FaultDecision, forbidden: () => DoubleResponse): DoubleResponse | undefined {
  const ra = { 'retry-after': String(f.retryAfterSeconds) };
  switch (f.kind) {
    case 'throttle':
      return armError(429, 'TooManyRequests', 'The request is being throttled (injected fault).', { headers: ra });
    case 'serverError':
      return armError(500, 'InternalServerError', 'Internal server error (injected fault).');
    case 'unavailable':
      return armError(503, 'ServiceUnavailable', 'The service is temporarily unavailable (injected fault).', { headers: ra });
    case 'conflict':
      return armError(409, 'PessimisticConcurrencyConflict', 'Operation on the API is in progress (injected fault).');
    case 'preconditionFailed':
      return armError(412, 'PreconditionFailed', 'The entity has been modified since it was read (injected fault).');
    case 'authorizationFailed':
      return forbidden();
    case 'drop':
      return { status: 0, drop: true };
    default:
      return undefined;
  }
}

/**
 * What the request's scope lacks, ARM's way: 404 ResourceGroupNotFound for a missing group, 409
 * ResourceGroupBeingDeleted for writes into a group being deleted, 404 for a missing parent of a child resource.
 */
export function scopeProblem(ctx: HandlerCtx): DoubleResponse | undefined {
  const { route, store, req } = ctx;
  if (route.resourceGroup) {
    const rg = store.resourceGroup(route.resourceGroup);
    if (!rg && (route.family !== 'Microsoft.Resources/resourceGroups' || route.rest.length > 0))
      return armError(404, 'ResourceGroupNotFound', `Resource group '${route.resourceGroup}' could not be found.`);
    if (rg?.properties.provisioningState === 'Deleting' && (req.method === 'PUT' || req.method === 'PATCH'))
      return armError(409, 'ResourceGroupBeingDeleted', `The resource group '${route.resourceGroup}' is in deprovisioning state and cannot perform this operation.`);
  }
  // Root PUT/PATCH/DELETE handlers answer a missing resource themselves; the service and site GETs rely on this check.
  const legacyRead = (route.family === 'Microsoft.ApiManagement/service' || route.family === 'Microsoft.Web/sites') && ['GET', 'HEAD'].includes(req.method);
  // The service's own operationresults outlive it (a delete is polled there until it ends).
  if (ctx.parentId && !isPollRoute(route) && (route.rest.length > 0 || legacyRead) && !store.get(ctx.parentId)) return parentNotFound(ctx);
  return undefined;
}

/**
 * The contract problems of an answer: APIM polls by OperationStatusResult; the final answer of a Location poll
 * against the responses of the operation that started it; everything else by its own operation's responses.
 */
export async function answerProblems(route: ArmRoute, req: DoubleRequest, res: DoubleResponse, lro: LroTracker): Promise<string[]> {
  if (route.family === 'operations') {
    const origin = lro.origin(route.resource);
    const set = origin && parseArmPath(new URL(origin.url).pathname)?.set;
    if (res.status === 202 || !origin || !set) return res.status === 202 && !res.headers?.location ? ['a 202 poll answer needs Location'] : [];
    const c = await checkResponse(set, { url: origin.url, method: origin.method, headers: {} }, { statusCode: String(res.status), headers: res.headers ?? {}, body: res.body });
    return c.ok ? [] : c.problems;
  }
  if (isPollRoute(route)) return pollProblems(res);
  return responseProblems(route.set as SpecSetName, req, res);
}

async function responseProblems(set: SpecSetName, req: DoubleRequest, res: DoubleResponse): Promise<string[]> {
  const live = { url: req.url.toString(), method: req.method, headers: req.headers };
  const c = await checkResponse(set, live, { statusCode: String(res.status), headers: res.headers ?? {}, body: res.body });
  return c.ok ? [] : c.problems;
}

/** The polling endpoint is outside the spec: check it against common-types OperationStatusResult by hand. */
function pollProblems(res: DoubleResponse): string[] {
  if (res.status !== 200) return [];
  const b = res.body as { status?: unknown } | undefined;
  return b && typeof b.status === 'string' ? [] : ['OperationStatusResult.status is required'];
}
