/**
 * `connectorkit test` as a stage: the scenarios in file-name order (values saved by one are used by the next), then
 * a smoke call for every action without a scenario (GET only). Triggers are listed as skipped until the trigger
 * executor exists. Stages never print: one progress line per case goes to the IoHost.
 */
import { CkError } from '../core/errors';
import type { IoHost } from '../core/io';
import { executeAction, operationCaller, type ActionCall } from './execute';
import { getPointer } from './pointer';
import { ResponseChecker } from './response-check';
import { substitute } from './scenarios';
import { smokeInputs } from './smoke';
import { APPLIED_TEMPLATES } from './policies';
import type { CaseResult, ConnectorModel, Scenario, TestReport, TestTarget } from './types';

export interface RunOptions {
  model: ConnectorModel;
  scenarios: Scenario[];
  target: TestTarget;
  /** Smoke-call actions that have no scenario (default true). */
  smoke?: boolean;
  /** Only these operationIds. */
  only?: string[];
}

export async function runConnectorTests(o: RunOptions, io: IoHost): Promise<TestReport> {
  const t0 = performance.now();
  const checker = ResponseChecker.for(o.model.def);
  const call = operationCaller(o.model, o.target);
  const saved: Record<string, unknown> = { $run5: String(Math.floor(Math.random() * 1e5)).padStart(5, '0') };
  const cases: CaseResult[] = [];
  const warnings = new Set<string>();
  for (const p of o.model.policies)
    if (!APPLIED_TEMPLATES.includes(String(p.templateId)) && p.parameters?.['x-ms-apimTemplate-policySection'] !== 'Response')
      warnings.add(`policy template ${String(p.templateId)} ("${String(p.title ?? '')}") is not applied by the test runner`);
  const wanted = (id: string) => !o.only?.length || o.only.includes(id);
  const run = async (c: ActionCall): Promise<{ output: unknown; headers?: Headers }> => {
    let r;
    try {
      r = await executeAction(o.model, o.target, checker, c, call);
    } catch (e) {
      throw new CkError({
        code: 'CK_TEST_TARGET_UNREACHABLE',
        message: `${o.target.label} did not answer ${c.op.method.toUpperCase()} ${c.op.path} (${c.op.operationId}): ${(e as Error).message}${(e as { cause?: { code?: string } }).cause?.code ? ` (${(e as { cause: { code: string } }).cause.code})` : ''}`,
        cause: e,
      });
    }
    cases.push(r.result);
    io.log({ level: r.result.ok ? 'info' : 'error', message: line(r.result) });
    return r;
  };
  for (const s of o.scenarios.filter((x) => wanted(x.operationId))) {
    const missing: string[] = [];
    const inputs = substitute(s.inputs, saved, missing) as Record<string, unknown>;
    const expect = substitute(s.expect, saved, missing) as Scenario['expect'];
    const op = o.model.operations.get(s.operationId)!;
    if (missing.length) {
      const r: CaseResult = {
        name: s.name,
        kind: 'action',
        operationId: s.operationId,
        method: op.method.toUpperCase(),
        url: '',
        ms: 0,
        pages: 0,
        ok: false,
        file: s.file,
        failures: [{ check: 'request', message: `saved value(s) ${[...new Set(missing)].join(', ')} are not set (an earlier scenario failed or does not save them)`, pointer: '/inputs' }],
      };
      cases.push(r);
      io.log({ level: 'error', message: line(r) });
      continue;
    }
    const r = await run({ name: s.name, kind: 'action', op, inputs, expect, file: s.file });
    for (const [name, where] of Object.entries(s.save ?? {})) {
      saved[name] = where.startsWith('header:') ? (r.headers?.get(where.slice(7)) ?? undefined) : getPointer(r.output, where);
    }
  }
  if (o.smoke !== false) {
    const covered = new Set(o.scenarios.map((s) => s.operationId));
    for (const op of o.model.operations.values()) {
      if (covered.has(op.operationId) || !wanted(op.operationId)) continue;
      if (op.trigger) {
        cases.push({
          name: `${op.operationId} (trigger)`,
          kind: 'smoke',
          operationId: op.operationId,
          method: op.method.toUpperCase(),
          url: '',
          ms: 0,
          pages: 0,
          ok: true,
          skipped: 'triggers are not run yet',
          failures: [],
        });
        continue;
      }
      const { inputs, why } = smokeInputs(op);
      if (why) {
        cases.push({ name: `${op.operationId} (smoke)`, kind: 'smoke', operationId: op.operationId, method: op.method.toUpperCase(), url: '', ms: 0, pages: 0, ok: true, skipped: why, failures: [] });
        io.log({ level: 'warn', message: `SKIP ${op.operationId}: ${why}` });
        continue;
      }
      await run({ name: `${op.operationId} (smoke)`, kind: 'smoke', op, inputs, expect: {} });
    }
  }
  const failed = cases.filter((c) => !c.ok).length;
  const skipped = cases.filter((c) => c.skipped).length;
  return { target: o.target.label, passed: cases.length - failed - skipped, failed, skipped, ms: Math.round(performance.now() - t0), cases, warnings: [...warnings] };
}

/** One line per case: status word, operation, HTTP status, time, pages, and the first failure with its pointer. */
export function line(c: CaseResult): string {
  if (c.skipped) return `SKIP ${c.operationId.padEnd(18)} ${c.skipped}`;
  const head = `${c.ok ? 'PASS' : 'FAIL'} ${c.operationId.padEnd(18)} ${c.method.padEnd(6)} ${String(c.status ?? '---')} ${`${Math.round(c.ms)} ms`.padStart(7)}${c.pages > 1 ? ` (${c.pages} pages)` : ''}  ${c.name}`;
  return c.ok ? head : `${head}\n${c.failures.map((f) => `       ${f.check}${f.pointer !== undefined ? ` at ${f.pointer || '(root)'}` : ''}: ${f.message}`).join('\n')}`;
}
