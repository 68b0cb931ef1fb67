/**
 * The plan/apply engine. A deploy is a graph of steps; each step reads the current state of one resource, plans
 * the change from desired vs current, and (when applying) writes it and publishes outputs for its dependents.
 * Steps start as soon as their dependencies finish, so independent branches (code, Entra, APIM) run in parallel.
 * A step whose write hits a concurrency conflict (409/412) or a failed long-running operation is re-read and
 * re-planned rather than blindly retried.
 */
import type { IoHost } from '../core/io';
import { isCkError } from '../core/errors';
import { isRetryable, backoffMs, sleep, type RetryOptions, type RetryStats } from './retry';
import type { ChangeAction, PlannedChange } from './types';

/** Placeholder for a value that only exists after a create. */
export const UNKNOWN = '(known after apply)';

/** A step's plan: the changes it would make and how to make them. */
export interface StepPlan {
  changes: PlannedChange[];
  /** Performs the writes; absent when nothing changes. */
  apply?: () => Promise<void>;
}

export interface Step<Ctx> {
  id: string;
  /** Progress title, e.g. "APIM backend func-api". */
  title: string;
  deps: string[];
  /** Reads current state and plans; must publish outputs (real or UNKNOWN) into the context for dependents. */
  plan(ctx: Ctx): Promise<StepPlan>;
}

export interface RunOptions {
  planOnly: boolean;
  retry: RetryOptions;
  io: IoHost;
  stats: RetryStats;
  /** Plan-only runs record each step's plan here (the preflight). */
  record?: Map<string, StepPlan>;
  /**
   * Apply runs: the preflight's plans. A step whose dependencies all kept their preflight plan and wrote nothing
   * applies its recorded plan without reading again (a no-op re-run reads each resource once); any other step
   * re-reads and re-plans, since what it depends on has changed.
   */
  preplanned?: Map<string, StepPlan>;
  /** Turns a final failure of a step into a coded CkError. */
  mapError(e: unknown, step: { id: string; title: string }): Error;
}

/** Runs the steps in dependency order with maximal parallelism; returns every planned change in step order. */
export async function runSteps<Ctx>(steps: Step<Ctx>[], ctx: Ctx, opts: RunOptions): Promise<PlannedChange[]> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  for (const s of steps) for (const d of s.deps) if (!byId.has(d)) throw new TypeError(`step ${s.id} depends on unknown step ${d}`);
  const done = new Map<string, Promise<PlannedChange[]>>();
  const dirty = new Set<string>();
  const run = (s: Step<Ctx>): Promise<PlannedChange[]> => {
    let p = done.get(s.id);
    if (!p) {
      p = (async () => {
        await Promise.all(s.deps.map((d) => run(byId.get(d)!)));
        try {
          if (opts.planOnly) {
            // Reads that fail transiently (a paged list, a 503) are re-planned like a failed apply.
            const plan = await withStepRetry(() => s.plan(ctx), opts);
            opts.record?.set(s.id, plan);
            return plan.changes;
          }
          const cached = s.deps.some((d) => dirty.has(d)) ? undefined : opts.preplanned?.get(s.id);
          if (!cached || cached.apply) dirty.add(s.id);
          return await opts.io.step(s.title, () => applyStep(s, ctx, opts, cached));
        } catch (e) {
          throw isCkError(e) ? e : opts.mapError(e, s);
        }
      })();
      done.set(s.id, p);
    }
    return p;
  };
  const results = await Promise.allSettled(steps.map(run));
  const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
  if (failed) throw failed.reason;
  return results.flatMap((r) => (r as PromiseFulfilledResult<PlannedChange[]>).value);
}

async function withStepRetry<T>(fn: () => Promise<T>, opts: RunOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (isCkError(e) || !isRetryable(e) || attempt + 1 >= opts.retry.attempts) throw e;
      opts.stats.retries++;
      await (opts.retry.sleep ?? sleep)(backoffMs(attempt, opts.retry));
    }
  }
}

/** Plans and applies one step; a retryable failure re-reads and re-plans (the write may have half-happened). */
async function applyStep<Ctx>(s: Step<Ctx>, ctx: Ctx, opts: RunOptions, cached?: StepPlan): Promise<PlannedChange[]> {
  let first: PlannedChange[] | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      const p = attempt === 0 && cached ? cached : await s.plan(ctx);
      first ??= p.changes;
      if (p.apply) await p.apply();
      // Report what the first plan said (a re-plan after a half-applied write would under-report).
      return first;
    } catch (e) {
      const retry = !isCkError(e) && isRetryable(e) && attempt + 1 < opts.retry.attempts;
      if (!retry) throw e;
      opts.stats.retries++;
      await (opts.retry.sleep ?? sleep)(backoffMs(attempt, opts.retry));
    }
  }
}

/** How many planned changes of each action (the summary line of every plan/apply command). */
export function countChanges(changes: PlannedChange[]): Record<ChangeAction, number> {
  const summary: Record<ChangeAction, number> = { create: 0, update: 0, delete: 0, 'no-op': 0 };
  for (const c of changes) summary[c.action]++;
  return summary;
}

/**
 * The plan/apply sequence of a command on the engine: plan only, or a read-only preflight of every step (so a missing
 * prerequisite stops the run before its first write) and then the apply, which reuses the preflight's plans.
 */
export async function planThenApply<Ctx>(steps: Step<Ctx>[], ctx: Ctx, opts: Omit<RunOptions, 'record' | 'preplanned'>): Promise<PlannedChange[]> {
  if (opts.planOnly) return runSteps(steps, ctx, opts);
  const plans = new Map<string, StepPlan>();
  await opts.io.step('Plan (read-only preflight)', () => runSteps(steps, ctx, { ...opts, planOnly: true, record: plans }));
  return runSteps(steps, ctx, { ...opts, planOnly: false, preplanned: plans });
}
