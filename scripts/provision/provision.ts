/**
 * `provision` as a stage: the Azure resources an environment runs on (infra/resources/), on the deploy's plan/apply
 * engine — every step reads and plans before the first write (preflight: region, name availability, adopted
 * resources, inputs), and a re-run with nothing changed writes nothing.
 */
import type { IoHost } from '../core/io';
import { countChanges, planThenApply, toDeployError, type RetryStats } from '../deploy';
import { createProvisionContext } from './context';
import { apimStep } from './steps-apim';
import { coreSteps } from './steps-core';
import { roleSteps } from './steps-roles';
import { webSteps } from './steps-web';
import type { ProvisionContext, ProvisionOptions, ProvisionResult, ProvisionStep } from './types';

/** The steps and context of one run (a fresh context per run; building them checks every infra/resources file). */
export function provisionGraph(opts: ProvisionOptions, io: IoHost, stats: RetryStats): { ctx: ProvisionContext; steps: ProvisionStep[] } {
  const ctx = createProvisionContext(opts, io, stats);
  return { ctx, steps: [...coreSteps(ctx), ...webSteps(ctx), ...roleSteps(ctx), apimStep(ctx)] };
}

/** Turns a step failure into a CkError with the hint of its resource. */
export function provisionErrorMapper(ctx: ProvisionContext, steps: ProvisionStep[]) {
  const sites = new Map(steps.map((s) => [s.id, s.site]));
  return (e: unknown, step: { id: string; title: string }) => toDeployError(e, sites.get(step.id) ?? { resource: step.title }, ctx.env);
}

/** Plans (and unless planOnly, applies) the resources of one environment. */
export async function provision(opts: ProvisionOptions, io: IoHost): Promise<ProvisionResult> {
  const stats: RetryStats = { retries: 0 };
  const { ctx, steps } = provisionGraph(opts, io, stats);
  const changes = await planThenApply(steps, ctx, { planOnly: opts.planOnly, retry: ctx.retry, io, stats, mapError: provisionErrorMapper(ctx, steps) });
  return { env: opts.env.name, planOnly: opts.planOnly, changes, summary: countChanges(changes), names: ctx.env.names, retries: stats.retries };
}
