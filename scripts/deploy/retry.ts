/**
 * One retry policy for every Azure call (ARM via the SDKs with their own retries switched off, Graph and SCM via
 * fetch): exponential backoff with full jitter, Retry-After honoured on 429/503, and the ARM conflicts that clear
 * on their own (409 PessimisticConcurrencyConflict, 412). Tests shrink the delays through the same options.
 */
import { azureErrorInfo } from './error-hints';

export interface RetryOptions {
  /** Attempts including the first (default 6). */
  attempts: number;
  /** First backoff step in ms (default 500). */
  baseDelayMs: number;
  /** Upper bound for any single wait, Retry-After included (default 60 000). */
  maxDelayMs: number;
  /** Long-running operation timeout in ms (default 10 min). */
  lroTimeoutMs: number;
  /** Poll interval for LROs and deployments in ms; undefined = what the server's Retry-After says. */
  pollIntervalMs?: number;
  /** How to wait between attempts (default: the real setTimeout-based `sleep`); tests pass a recorder instead. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock LRO pacing reads (default Date.now); tests pass one that moves with their `sleep`. */
  now?: () => number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 6, baseDelayMs: 500, maxDelayMs: 60_000, lroTimeoutMs: 600_000 };

const RETRY_CODES = new Set([
  'PessimisticConcurrencyConflict',
  'Conflict',
  'PreconditionFailed',
  'TooManyRequests',
  'ServiceUnavailable',
  'InternalServerError',
  'ManagementApiRequestFailed',
  'OperationTimedOut',
  'GatewayTimeout',
  'RetryableError',
  'serviceNotAvailable',
  'UnknownError',
  'generalException',
  'DeploymentFailed',
]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'REQUEST_SEND_ERROR', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);

/** A transient failure: throttling, a server error or a dropped connection — the same request may simply be re-sent. */
export function isTransient(e: unknown): boolean {
  const info = azureErrorInfo(e);
  const o = e as { name?: string; cause?: { code?: string }; code?: string; message?: string };
  if (o?.name === 'AbortError') return false;
  if (info.status === 429 || info.status === 503 || (info.status !== undefined && info.status >= 500)) return true;
  if (info.status === undefined) {
    // Transport faults: SDK RestError without a status, or fetch's TypeError("fetch failed") with a socket cause.
    if (o?.code && NETWORK_CODES.has(o.code)) return true;
    if (o?.cause?.code && NETWORK_CODES.has(o.cause.code)) return true;
    if (/fetch failed|socket hang up|ECONNRESET|other side closed|terminated/i.test(String(o?.message))) return true;
  }
  return false;
}

/**
 * A failure that needs the step re-read and re-planned, not the same request re-sent: a concurrency conflict
 * (409 PessimisticConcurrencyConflict, 412) or a long-running operation that ended Failed.
 */
export function needsReplan(e: unknown): boolean {
  const info = azureErrorInfo(e);
  if (info.status === 412) return true;
  if (info.status === 409) return info.code === undefined || RETRY_CODES.has(info.code);
  if (info.code && RETRY_CODES.has(info.code)) return true;
  const m = String((e as { message?: string })?.message);
  return info.status === undefined && /long.running operation|polling|operation (has )?failed|LRO/i.test(m);
}

/** Whether a step is worth another attempt. */
export function isRetryable(e: unknown): boolean {
  return isTransient(e) || needsReplan(e);
}

/** Full-jitter exponential backoff, never shorter than Retry-After, capped at maxDelayMs. */
export function backoffMs(attempt: number, opts: RetryOptions, retryAfterMs?: number, rnd: () => number = Math.random): number {
  const exp = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** attempt);
  const jitter = Math.floor(rnd() * exp);
  return Math.min(opts.maxDelayMs, Math.max(jitter, retryAfterMs ?? 0));
}

/** Counts retries so the result can report them. */
export interface RetryStats {
  retries: number;
}

/** Runs `fn`, retrying transient failures. The last error is rethrown as is (the caller maps it). */
export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions, stats?: RetryStats): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt + 1 >= opts.attempts || !isTransient(e)) throw e;
      if (stats) stats.retries++;
      await (opts.sleep ?? sleep)(backoffMs(attempt, opts, azureErrorInfo(e).retryAfterMs));
    }
  }
}

/** Waits `ms` on a real timer (the default of `RetryOptions.sleep`). */
export function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((r) => setTimeout(r, ms));
}
