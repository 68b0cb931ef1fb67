/** ARM wire helpers: error bodies, request-id headers, writes and RBAC action matching (routing: arm-route.ts). */
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

/** True for a request that changes state (PUT/PATCH/DELETE, POST other than list actions). */
export function isWrite(method: string, pathname: string): boolean {
  if (method === 'GET' || method === 'HEAD') return false;
  if (method === 'POST') return !/\/(listkeys|listvalue|list|listsecrets|checknameavailability)$/i.test(pathname);
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
