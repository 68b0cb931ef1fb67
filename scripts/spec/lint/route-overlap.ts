/**
 * The Functions host sorts functions by name (ordinal, case-insensitive) and the FIRST matching route wins, unlike
 * ASP.NET's usual precedence (functions-host.md §3.2). So `employees/{id}` in `GetEmployee` swallows
 * `employees/me` in `GetMe`. This rule replays that order per HTTP verb and reports every operation that an earlier
 * function shadows, and identical templates (the host refuses to start with those).
 */
import { SPEC_CODES } from '../codes';
import { compareOrdinalIgnoreCase } from '../../core/host-rules';
import type { LintFinding, LintRule, OperationRef } from '../types';

/**
 * A path segment as the host matches it: a literal (case-insensitive), a whole-segment parameter `{id}` (any
 * non-empty text), a complex segment such as `export-{id}` or `{a}.{b}` (literal text around parameters, matched as
 * a pattern within the segment), or a catch-all `{*rest}`.
 */
type Seg = { kind: 'lit'; text: string } | { kind: 'param' } | { kind: 'complex'; shape: string; re: RegExp } | { kind: 'rest' };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function segment(s: string): Seg {
  if (s.startsWith('{*')) return { kind: 'rest' };
  if (/^\{[^{}]*\}$/.test(s)) return { kind: 'param' };
  if (!s.includes('{')) return { kind: 'lit', text: s.toLowerCase() };
  const parts = s.split(/(\{[^{}]*\})/).filter(Boolean);
  const shape = parts.map((p) => (p.startsWith('{') ? '{}' : p.toLowerCase())).join('');
  return { kind: 'complex', shape, re: new RegExp(`^${parts.map((p) => (p.startsWith('{') ? '.+' : escapeRe(p))).join('')}$`, 'i') };
}

export function segments(route: string): Seg[] {
  return route.split('/').filter(Boolean).map(segment);
}

/** How segment `x` (tried first) relates to `y`: 'same' set of values, 'wider', 'narrower', or undefined when disjoint or unknown. */
function relate(x: Seg, y: Seg): 'same' | 'wider' | 'narrower' | undefined {
  if (x.kind === 'lit' && y.kind === 'lit') return x.text === y.text ? 'same' : undefined;
  if (x.kind === 'param' && y.kind === 'param') return 'same';
  if (x.kind === 'param') return 'wider'; // y is a literal or complex segment: all its values are non-empty text
  if (y.kind === 'param') return 'narrower';
  if (x.kind === 'complex' && y.kind === 'complex') return x.shape === y.shape ? 'same' : undefined; // different shapes: no claim
  if (x.kind === 'complex' && y.kind === 'lit') return x.re.test(y.text) ? 'wider' : undefined;
  if (x.kind === 'lit' && y.kind === 'complex') return y.re.test(x.text) ? 'narrower' : undefined;
  return undefined;
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
    const r = relate(x, y);
    if (!r) return undefined;
    if (r === 'wider') aWider = true;
    else if (r === 'narrower') aNarrower = true;
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
