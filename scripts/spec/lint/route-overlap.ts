/**
 * The Functions host sorts functions by name (ordinal, case-insensitive) and the FIRST matching route wins, unlike
 * ASP.NET's usual precedence (functions-host.md §3.2). So `employees/{id}` in `GetEmployee` swallows
 * `employees/me` in `GetMe`. This rule replays that order per HTTP verb and reports every operation that an earlier
 * function shadows, and identical templates (the host refuses to start with those).
 */
import { SPEC_CODES } from '../codes';
import { compareOrdinalIgnoreCase } from '../host-rules';
import type { LintFinding, LintRule, OperationRef } from '../types';

type Seg = { kind: 'lit'; text: string } | { kind: 'param' } | { kind: 'rest' };

function segments(route: string): Seg[] {
  return route
    .split('/')
    .filter(Boolean)
    .map((s): Seg => (s.startsWith('{*') ? { kind: 'rest' } : s.includes('{') ? { kind: 'param' } : { kind: 'lit', text: s.toLowerCase() }));
}

/** 'shadow' when some URL of `b` is taken by `a` (tried first), 'same' for identical templates, undefined when disjoint or `a` is more specific. */
export function compareRoutes(a: Seg[], b: Seg[]): 'shadow' | 'same' | undefined {
  let aWider = false;
  let aNarrower = false;
  for (let i = 0; ; i++) {
    const x = a[i];
    const y = b[i];
    if (!x && !y) return aWider ? 'shadow' : aNarrower ? undefined : 'same';
    if (x?.kind === 'rest' && y?.kind === 'rest') return aWider ? 'shadow' : aNarrower ? undefined : 'same';
    if (x?.kind === 'rest') return 'shadow';
    if (y?.kind === 'rest') return aWider ? 'shadow' : undefined;
    if (!x || !y) return undefined;
    if (x.kind === 'lit' && y.kind === 'lit') {
      if (x.text !== y.text) return undefined;
    } else if (x.kind === 'param' && y.kind === 'lit') aWider = true;
    else if (x.kind === 'lit' && y.kind === 'param') aNarrower = true;
  }
}

const byFunctionName = (a: OperationRef, b: OperationRef) => compareOrdinalIgnoreCase(a.operationId, b.operationId);

export const routeOverlap: LintRule = {
  code: SPEC_CODES.CK_SPEC_ROUTE_SHADOWED,
  check(ctx) {
    const out: LintFinding[] = [];
    const byVerb = new Map<string, Array<{ op: OperationRef; segs: Seg[] }>>();
    for (const op of [...ctx.operations].sort(byFunctionName)) {
      const list = byVerb.get(op.verb) ?? [];
      list.push({ op, segs: segments(op.route) });
      byVerb.set(op.verb, list);
    }
    for (const list of byVerb.values()) {
      for (let j = 1; j < list.length; j++) {
        const b = list[j];
        for (let i = 0; i < j; i++) {
          const a = list[i];
          const rel = compareRoutes(a.segs, b.segs);
          if (!rel) continue;
          const msg =
            rel === 'same'
              ? `${b.op.verb.toUpperCase()} ${b.op.route} (${b.op.operationId}) has the same route as ${a.op.operationId} (${a.op.file}:${a.op.line}); the host refuses to start`
              : `${b.op.verb.toUpperCase()} ${b.op.route} (${b.op.operationId}) is shadowed by ${a.op.route} (${a.op.operationId}, ${a.op.file}:${a.op.line}), which the host tries first because '${a.op.operationId}' sorts before '${b.op.operationId}'`;
          out.push(ctx.at(b.op, this.code, 'error', msg));
          break;
        }
      }
    }
    return out;
  },
};
