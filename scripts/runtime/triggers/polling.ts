/**
 * `pollingTrigger<T>()` — the run-time half of a polling trigger, implementing the Logic Apps polling contract:
 * the first call (no state) and every call with nothing new answer 202 with `Location` (this URL carrying the state)
 * and `Retry-After`; a call with new items answers 200 with `{ value: items }` and the next `Location`. The
 * platform keeps the state (it is only ever in the Location URL), so the API stores nothing.
 */
import { HttpError } from '../http-error';
import type { RequestContext } from '../types';
import { TRIGGER_HTTP_CODES } from './codes';
import type { ResponseControl } from './webhook';

export interface PollingTriggerOptions<T> {
  /** Query parameter that carries the state (the build marks it internal); default `since`. */
  stateParam?: string;
  /** Items changed after `state`, in any order. */
  itemsSince(state: string): Promise<T[]>;
  /** The state value of an item (e.g. its updatedAt as ISO text); states compare as strings, so use sortable text. */
  stateOf(item: T): string;
  /** The state of "now", used on the first call (default: the current time as ISO 8601). */
  initialState?(): string | Promise<string>;
  /** Refuses a malformed state with 400 before it reaches the query (default: accepts any non-empty string). */
  isValidState?(state: string): boolean;
  /** Seconds the platform waits before polling again when nothing is new (default 60). */
  retryAfterSeconds?: number;
  /** At most this many items per batch (default 100); the rest come with the next poll, immediately. */
  maxBatch?: number;
}

/** The 200 body of a polling trigger. */
export interface PollingBatch<T> {
  value: T[];
}

export interface PollingTrigger<T> {
  /** Answers one poll; returns the batch (200) or undefined (202, no body). */
  poll(ctx: RequestContext, response: ResponseControl, state: string | undefined): Promise<PollingBatch<T> | undefined>;
}

export function pollingTrigger<T>(opts: PollingTriggerOptions<T>): PollingTrigger<T> {
  const param = opts.stateParam ?? 'since';
  const retryAfter = String(opts.retryAfterSeconds ?? 60);
  const maxBatch = opts.maxBatch ?? 100;
  const locationFor = (ctx: RequestContext, state: string) => {
    const u = new URL(ctx.request.url);
    u.searchParams.set(param, state);
    return u.toString();
  };
  return {
    async poll(ctx, response, state) {
      if (state === undefined || state === '') {
        const initial = await (opts.initialState?.() ?? new Date().toISOString());
        response.setStatus(202);
        response.setHeader('Location', locationFor(ctx, initial));
        response.setHeader('Retry-After', retryAfter);
        return undefined;
      }
      if (opts.isValidState && !opts.isValidState(state)) {
        throw new HttpError(400, TRIGGER_HTTP_CODES.STATE_INVALID, `The trigger state '${state}' is not one this API issued.`, {
          target: `query.${param}`,
          hint: 'Poll the Location URL exactly as returned, or start again without the state parameter.',
        });
      }
      const items = (await opts.itemsSince(state)).filter((i) => opts.stateOf(i) > state).sort((a, b) => (opts.stateOf(a) < opts.stateOf(b) ? -1 : opts.stateOf(a) > opts.stateOf(b) ? 1 : 0));
      if (items.length === 0) {
        response.setStatus(202);
        response.setHeader('Location', locationFor(ctx, state));
        response.setHeader('Retry-After', retryAfter);
        return undefined;
      }
      const batch = items.slice(0, maxBatch);
      response.setStatus(200);
      response.setHeader('Location', locationFor(ctx, opts.stateOf(batch[batch.length - 1]!)));
      // More waiting: poll again at once. Otherwise the platform's own recurrence decides.
      if (items.length > maxBatch) response.setHeader('Retry-After', '0');
      return { value: batch };
    },
  };
}
