/**
 * `down` as a stage: removes what connectorkit created for an environment — resources tagged `connectorkit-env:
 * <env>`, the role assignments provision made on resources that stay, the Entra apps deploy created — and nothing
 * else; it says what it keeps and why. On the deploy's plan/apply engine: everything is read and planned before the
 * first delete (a read-only preflight), a run with nothing left writes nothing, and a run cut short by a fault is
 * finished by running it again.
 */
import type { IoHost } from '../core/io';
import { countChanges, planThenApply, toDeployError, type RetryStats, type Step } from '../deploy';
import { createDownContext, inventoryStep } from './down-context';
import { ciDeployAppStep, entraStep, rolesStep } from './down-identity';
import { groupStep, KINDS, kindStep, stepId } from './down-steps';
import type { DownContext, DownOptions, DownResult } from './down-types';

/** The steps of one run: inventory, role assignments, each kind (reverse dependency order), the group, the apps. */
export function downGraph(opts: DownOptions, io: IoHost, stats: RetryStats): { ctx: DownContext; steps: Step<DownContext>[] } {
  const ctx = createDownContext(opts, io, stats);
  // Role assignments on kept scopes go before anything is deleted: the identity they name may be deleted next.
  const kinds = KINDS.map((k) => kindStep(k, [stepId('roles')]));
  return { ctx, steps: [inventoryStep(), rolesStep(), ...kinds, groupStep(kinds.map((s) => s.id)), entraStep('apiApp'), entraStep('connectorApp'), ciDeployAppStep()] };
}

/** Plans (and unless planOnly, applies) the removal of one environment. */
export async function down(opts: DownOptions, io: IoHost): Promise<DownResult> {
  const stats: RetryStats = { retries: 0 };
  const { ctx, steps } = downGraph(opts, io, stats);
  const mapError = (e: unknown, step: { id: string; title: string }) =>
    toDeployError(e, { resource: step.title, scope: `/subscriptions/${ctx.env.subscriptionId}/resourceGroups/${ctx.env.names.resourceGroup}` }, ctx.env);
  const changes = await planThenApply(steps, ctx, { planOnly: opts.planOnly, retry: ctx.retry, io, stats, mapError });
  // A step re-planned during the apply reports what it keeps again: one line per resource.
  const kept = [...new Map(ctx.kept.map((k) => [k.resource, k])).values()];
  return { env: opts.env.name, planOnly: opts.planOnly, changes, summary: countChanges(changes), kept, retries: stats.retries };
}

/** Human rendering: what goes, what stays and why. */
export function renderDown(r: DownResult): string {
  const lines = [r.planOnly ? `Plan to remove environment "${r.env}" (nothing was deleted):` : `Removed environment "${r.env}":`];
  const deletes = r.changes.filter((c) => c.action === 'delete');
  for (const c of deletes) lines.push(`  - delete ${c.resource}${c.note ? `  — ${c.note}` : ''}`);
  if (!deletes.length) lines.push('  nothing of this environment is left to delete');
  if (r.kept.length) {
    lines.push('Kept:');
    for (const k of r.kept) lines.push(`  = ${k.resource}  — ${k.reason}`);
  }
  lines.push(r.planOnly ? `Plan: ${r.summary.delete} to delete, ${r.kept.length} kept.` : `Result: ${r.summary.delete} deleted, ${r.kept.length} kept.`);
  if (r.retries) lines.push(`(${r.retries} transient failure(s) retried)`);
  return lines.join('\n');
}
