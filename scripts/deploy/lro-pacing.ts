/**
 * Paces long-running-operation polls by the server's Retry-After. The SDK pollers poll once inside `begin*()` and
 * again at the start of `pollUntilDone()` without waiting, so a `Retry-After: 1` on the initial answer was ignored
 * (polls came 8–25 ms apart). This pipeline policy remembers, per polling URL (Azure-AsyncOperation, Location, and
 * the poll URL itself), the earliest time the server allowed, and holds the next request to it until then.
 */
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { sleep } from './retry';

/** Retry-After as milliseconds (seconds or an HTTP date); undefined when absent or unparsable. */
export function retryAfterMs(value: string | undefined | null, now = Date.now()): number | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

export interface LroPacingOptions {
  /** Upper bound for one wait (RetryOptions.maxDelayMs). */
  maxDelayMs: number;
  /** How to wait (default: a real timer); tests pass a recorder with a clock that moves when it sleeps. */
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch (default Date.now). */
  now?: () => number;
}

export function lroPacingPolicy(opts: LroPacingOptions): PipelinePolicy {
  const notBefore = new Map<string, number>();
  const now = opts.now ?? Date.now;
  const wait = opts.sleep ?? sleep;
  return {
    name: 'connectorkitLroPacing',
    async sendRequest(req, next) {
      const due = notBefore.get(req.url);
      if (due !== undefined) {
        notBefore.delete(req.url);
        const left = due - now();
        if (left > 0) await wait(left);
      }
      const res = await next(req);
      const allowed = retryAfterMs(res.headers.get('retry-after'), now());
      if (allowed !== undefined && allowed > 0) {
        const at = now() + Math.min(allowed, opts.maxDelayMs);
        const targets = [res.headers.get('azure-asyncoperation'), res.headers.get('location'), due !== undefined || req.method === 'GET' ? req.url : undefined];
        for (const t of targets) if (t) notBefore.set(t, at);
      }
      return res;
    },
  };
}
