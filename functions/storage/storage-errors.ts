/**
 * Maps @azure/data-tables failures to API errors. Anything that is not a definite answer from the service
 * (connection refused, DNS, timeout, 5xx, auth to the account) becomes 503 StorageUnavailable with a hint.
 */
import { isHttpError } from 'connectorkit/runtime';
import { ApiErrorCode, apiError } from '../errors';

interface RestErrorLike {
  name?: string;
  code?: string;
  statusCode?: number;
  message?: string;
}

/** True when the error is the service saying the precondition (ETag) failed. */
export function isPreconditionFailed(e: unknown): boolean {
  return (e as RestErrorLike)?.statusCode === 412;
}

export function isNotFound(e: unknown): boolean {
  return (e as RestErrorLike)?.statusCode === 404;
}

export function isConflict(e: unknown): boolean {
  return (e as RestErrorLike)?.statusCode === 409;
}

/** RestError (any answer or a request that could not be sent) or an abort/timeout. */
function isServiceOrTransportError(e: unknown): boolean {
  const r = (e ?? {}) as RestErrorLike;
  return r.name === 'RestError' || r.name === 'AbortError' || r.name === 'TimeoutError' || typeof r.statusCode === 'number';
}

/** Returns the error to throw for a storage failure that the caller did not handle. */
export function storageFailure(e: unknown): Error {
  if (isHttpError(e)) return e;
  const r = (e ?? {}) as RestErrorLike;
  // Not an answer from the service nor a transport failure (a TypeError, a serializer refusing a value): a bug in
  // how we call storage, surfaced as 500 instead of being reported as an outage.
  if (!isServiceOrTransportError(e)) return e instanceof Error ? e : new Error(String(e));
  // A definite 4xx answer other than auth is a bug in how we call storage, not an outage: let it surface as 500.
  if (r.statusCode && r.statusCode >= 400 && r.statusCode < 500 && r.statusCode !== 401 && r.statusCode !== 403 && r.statusCode !== 408 && r.statusCode !== 429) return e as Error;
  const timedOut = r.name === 'AbortError' || r.name === 'TimeoutError';
  const what = timedOut ? 'no answer in time' : r.statusCode ? `HTTP ${r.statusCode}${r.code ? ` ${r.code}` : ''}` : (r.code ?? r.name ?? 'network error');
  return apiError(ApiErrorCode.StorageUnavailable, `Employee storage is unavailable (${what}).`, {
    hint: `Check that the storage account in AzureWebJobsStorage is reachable (locally: is Azurite running?) and retry in a moment.${timedOut ? ' STORAGE_TIMEOUT_MS bounds each call.' : ''}`,
    headers: { 'Retry-After': '5' },
    cause: e,
  });
}
