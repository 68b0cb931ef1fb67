/** Human rendering of a deploy plan/result (terraform-like symbols; values of secrets never reach here). */
import type { DeployResult, PropertyDiff } from './types';

const SYMBOL = { create: '+', update: '~', delete: '-', 'no-op': '=' } as const;

function show(v: unknown): string {
  if (v === undefined) return '(none)';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

function diffLine(d: PropertyDiff): string {
  return d.from === undefined ? `        ${d.path}: ${show(d.to)}` : `        ${d.path}: ${show(d.from)} → ${show(d.to)}`;
}

export function renderDeploy(r: DeployResult): string {
  const lines: string[] = [r.planOnly ? `Plan for environment "${r.env}" (nothing was written):` : `Deployed environment "${r.env}":`];
  for (const c of r.changes) {
    lines.push(`  ${SYMBOL[c.action]} ${c.action.padEnd(6)} ${c.resource}${c.note ? `  — ${c.note}` : ''}`);
    for (const d of c.diff ?? []) lines.push(diffLine(d));
  }
  const s = r.summary;
  lines.push(
    r.planOnly
      ? `Plan: ${s.create} to create, ${s.update} to update, ${s.delete} to delete, ${s['no-op']} unchanged.`
      : `Result: ${s.create} created, ${s.update} updated, ${s.delete} deleted, ${s['no-op']} unchanged.`,
  );
  if (r.outputs && !r.planOnly) lines.push(`Gateway: https://${r.outputs.host}${r.outputs.basePath}  API app: ${r.outputs.apiAppId}  connector client: ${r.outputs.connectorClientId}`);
  if (r.connector && !r.planOnly)
    lines.push(
      `Connector: ${r.connector.dir}/ ${r.connector.changed ? 'updated' : 'unchanged'}${r.connector.validation ? `, ${r.connector.validation.level} validation: ${r.connector.validation.errors} errors, ${r.connector.validation.warnings} warnings` : ''}`,
    );
  if (r.retries) lines.push(`(${r.retries} transient failure(s) retried)`);
  return lines.join('\n');
}
