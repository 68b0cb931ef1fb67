/** ARM wire helpers: error bodies, request-id headers, route parsing and the RBAC action of a request. */
import { randomUUID } from 'node:crypto';
import type { DoubleResponse } from '../doubles-common';

/** An ARM error response (`{error:{code,message,details?,target?}}`, v5 common-types ErrorResponse). */
export function armError(
  status: number,
  code: string,
  message: string,
  extra: { target?: string; details?: Array<{ code: string; message: string; target?: string }>; headers?: Record<string, string> } = {},
): DoubleResponse {
  const error: Record<string, unknown> = { code, message };
  if (extra.target) error.target = extra.target;
  if (extra.details) error.details = extra.details;
  return { status, headers: { ...(extra.headers ?? {}) }, body: { error } };
}

/** A 400 ValidationError the way APIM words it. */
export function validationError(target: string, message: string): DoubleResponse {
  return armError(400, 'ValidationError', 'One or more fields contain incorrect values:', { details: [{ code: 'ValidationError', target, message }] });
}

/** 404 for a missing entity. */
export function notFound(what: string): DoubleResponse {
  return armError(404, 'ResourceNotFound', `${what} not found.`);
}

/** ARM correlation headers on every answer. */
export function armHeaders(req: { headers: Record<string, string> }): Record<string, string> {
  return {
    'x-ms-request-id': randomUUID(),
    'x-ms-correlation-request-id': req.headers['x-ms-correlation-request-id'] ?? randomUUID(),
    'x-ms-ratelimit-remaining-subscription-reads': '11999',
  };
}

/** A parsed ARM path below `/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}`. */
export interface ArmRoute {
  subscriptionId: string;
  resourceGroup: string;
  namespace: 'apim' | 'web';
  /** service or site name */
  resource: string;
  /** Segments after the resource name, as sent. */
  rest: string[];
  /** `rest` with the collection/action names lowercased and entity names replaced by `*` (e.g. `apis/*\/operations`). */
  shape: string;
}

const ENTITY_SLOTS = new Set(['apis', 'operations', 'policies', 'backends', 'namedvalues', 'products', 'operationresults', 'sites']);

/** Parses a request path, or undefined when it is not an APIM service / Web site path. */
export function parseArmPath(pathname: string): ArmRoute | undefined {
  const seg = pathname
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  if (seg.length < 8) return undefined;
  const lower = seg.map((s) => s.toLowerCase());
  if (lower[0] !== 'subscriptions' || lower[2] !== 'resourcegroups' || lower[4] !== 'providers') return undefined;
  let namespace: ArmRoute['namespace'];
  if (lower[5] === 'microsoft.apimanagement' && lower[6] === 'service') namespace = 'apim';
  else if (lower[5] === 'microsoft.web' && lower[6] === 'sites') namespace = 'web';
  else return undefined;
  const rest = seg.slice(8);
  const shape = rest.map((s, i) => (i > 0 && ENTITY_SLOTS.has(rest[i - 1].toLowerCase()) ? '*' : s.toLowerCase())).join('/');
  return { subscriptionId: seg[1], resourceGroup: seg[3], namespace, resource: seg[7], rest, shape };
}

/** The RBAC action ARM would check, e.g. `Microsoft.ApiManagement/service/apis/write`. */
export function armAction(method: string, route: ArmRoute): string {
  const ns = route.namespace === 'apim' ? 'Microsoft.ApiManagement/service' : 'Microsoft.Web/sites';
  const types = route.rest.filter((_, i) => i % 2 === 0);
  const isAction = method === 'POST';
  const verb = isAction ? 'action' : method === 'DELETE' ? 'delete' : method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  return [ns, ...types, verb].join('/');
}

/** True for a request that changes state (PUT/PATCH/DELETE, POST other than list actions). */
export function isWrite(method: string, pathname: string): boolean {
  if (method === 'GET' || method === 'HEAD') return false;
  if (method === 'POST') return !/\/(listkeys|listvalue|list|listsecrets)$/i.test(pathname);
  return true;
}

/** ARM's action wildcard for denyActions (`*` = any run of characters, `/` included), case-insensitive: not a path glob. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return re.test(action);
}
