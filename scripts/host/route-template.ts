/**
 * ASP.NET Core route templates as the Functions host uses them (docs/local-host.md): `{id}`, `{id?}`,
 * `{name=default}`, `{*rest}` / `{**rest}`, complex segments (`{a}.{b}`), chained constraints (`{id:int:min(1)}`),
 * `{{`/`}}` escapes, case-insensitive matching, trailing slash tolerated. A constraint mismatch is "no match"
 * (→ 404), never a validation error, exactly like the host.
 */
import { CkError } from '../core/errors';
import './codes';

type Check = (v: string) => boolean;

interface ParamPart {
  kind: 'param';
  name: string;
  optional: boolean;
  catchAll: boolean;
  defaultValue?: string;
  checks: Check[];
}
type Part = { kind: 'literal'; text: string } | ParamPart;

/** A compiled template; `match` takes the decoded path (with `%2F` kept encoded, like ASP.NET's Request.Path). */
export interface CompiledRoute {
  template: string;
  paramNames: string[];
  match(path: string): Record<string, string> | undefined;
}

const INT32 = [-2147483648n, 2147483647n] as const;
const INT64 = [-9223372036854775808n, 9223372036854775807n] as const;
const integerIn = (v: string, [lo, hi]: readonly [bigint, bigint]) => /^[-+]?\d+$/.test(v) && BigInt(v) >= lo && BigInt(v) <= hi;
const isLong = (v: string) => integerIn(v, INT64);
const isNumber = (v: string) => /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v);

/** Constraint factories by lower-case name; `args` are the raw text inside the parentheses. */
const CONSTRAINTS: Record<string, (args: string | undefined) => Check> = {
  int: () => (v) => integerIn(v, INT32),
  long: () => isLong,
  bool: () => (v) => /^(true|false)$/i.test(v),
  guid: () => (v) => /^(\{[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\}|\([0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\)|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|[0-9a-f]{32})$/i.test(v),
  alpha: () => (v) => /^[a-z]+$/i.test(v),
  datetime: () => (v) => !Number.isNaN(Date.parse(v)),
  decimal: () => (v) => /^[-+]?(\d+\.?\d*|\.\d+)$/.test(v),
  double: () => isNumber,
  float: () => isNumber,
  required: () => (v) => v.length > 0,
  minlength: (a) => {
    const n = intArg(a, 1)[0]!;
    return (v) => v.length >= n;
  },
  maxlength: (a) => {
    const n = intArg(a, 1)[0]!;
    return (v) => v.length <= n;
  },
  length: (a) => {
    const n = intArg(a, 1, 2);
    return n.length === 1 ? (v) => v.length === n[0] : (v) => v.length >= n[0]! && v.length <= n[1]!;
  },
  min: (a) => {
    const n = BigInt(intArg(a, 1)[0]!);
    return (v) => isLong(v) && BigInt(v) >= n;
  },
  max: (a) => {
    const n = BigInt(intArg(a, 1)[0]!);
    return (v) => isLong(v) && BigInt(v) <= n;
  },
  range: (a) => {
    const [lo, hi] = intArg(a, 2, 2).map(BigInt) as [bigint, bigint];
    return (v) => isLong(v) && BigInt(v) >= lo && BigInt(v) <= hi;
  },
  regex: (a) => {
    if (!a) throw new TypeError('regex needs a pattern');
    // .NET: case-insensitive, culture-invariant, NOT anchored unless the pattern says so.
    const re = new RegExp(a, 'i');
    return (v) => re.test(v);
  },
};

/** The constraint names this host implements (for docs and errors). */
export const SUPPORTED_CONSTRAINTS = Object.keys(CONSTRAINTS);

function intArg(a: string | undefined, min: number, max = min): number[] {
  const parts = (a ?? '').split(',').map((s) => s.trim());
  if (parts.length < min || parts.length > max || parts.some((p) => !/^-?\d+$/.test(p))) throw new TypeError(`expects ${min === max ? min : `${min}-${max}`} integer argument(s)`);
  return parts.map(Number);
}

function fail(template: string, message: string, fn?: string): never {
  throw new CkError({ code: 'CK_HOST_ROUTE_INVALID', message: `Route "${template}"${fn ? ` of function "${fn}"` : ''}: ${message}.`, target: fn });
}

/** Splits a segment into literal text and raw parameter bodies, honouring `{{` and `}}` escapes. */
function splitSegment(seg: string, template: string, fn?: string): Array<{ literal?: string; param?: string }> {
  const out: Array<{ literal?: string; param?: string }> = [];
  let lit = '';
  for (let i = 0; i < seg.length;) {
    const c = seg[i]!;
    if (c === '{' && seg[i + 1] === '{') {
      lit += '{';
      i += 2;
      continue;
    }
    if (c === '}' && seg[i + 1] === '}') {
      lit += '}';
      i += 2;
      continue;
    }
    if (c === '}') fail(template, 'unbalanced "}"', fn);
    if (c !== '{') {
      lit += c;
      i++;
      continue;
    }
    if (lit) {
      out.push({ literal: lit });
      lit = '';
    }
    let body = '';
    let j = i + 1;
    for (;;) {
      if (j >= seg.length) fail(template, 'unclosed "{"', fn);
      const d = seg[j]!;
      if ((d === '}' || d === '{') && seg[j + 1] === d) {
        body += d;
        j += 2;
        continue;
      }
      if (d === '}') break;
      body += d;
      j++;
    }
    out.push({ param: body });
    i = j + 1;
  }
  if (lit) out.push({ literal: lit });
  return out;
}

function parseParam(body: string, template: string, fn?: string): ParamPart {
  let rest = body;
  const catchAll = rest.startsWith('*');
  rest = rest.replace(/^\*\*?/, '');
  const nameMatch = /^[^:?=*]+/.exec(rest);
  if (!nameMatch) fail(template, `parameter "{${body}}" has no name`, fn);
  const name = nameMatch[0].trim();
  rest = rest.slice(nameMatch[0].length);
  const checks: Check[] = [];
  while (rest.startsWith(':')) {
    const cm = /^:([A-Za-z]+)/.exec(rest);
    if (!cm) fail(template, `bad constraint in "{${body}}"`, fn);
    rest = rest.slice(cm[0].length);
    let args: string | undefined;
    if (rest.startsWith('(')) {
      // The arguments end at the first ")" followed by the end, ":", "?" or "=" — regex bodies may contain ")".
      let end = -1;
      for (let k = 1; k < rest.length; k++)
        if (rest[k] === ')' && (k + 1 === rest.length || ':?='.includes(rest[k + 1]!))) {
          end = k;
          break;
        }
      if (end < 0) fail(template, `unclosed "(" in "{${body}}"`, fn);
      args = rest.slice(1, end);
      rest = rest.slice(end + 1);
    }
    const factory = CONSTRAINTS[cm[1]!.toLowerCase()];
    if (!factory) fail(template, `unknown constraint "${cm[1]}" (supported: ${SUPPORTED_CONSTRAINTS.join(', ')})`, fn);
    try {
      checks.push(factory(args));
    } catch (e) {
      fail(template, `constraint "${cm[1]}" ${(e as Error).message}`, fn);
    }
  }
  let optional = false;
  let defaultValue: string | undefined;
  if (rest === '?') optional = true;
  else if (rest.startsWith('=')) {
    defaultValue = rest.slice(1);
    optional = true;
  } else if (rest !== '') fail(template, `unexpected "${rest}" in "{${body}}"`, fn);
  if (catchAll && defaultValue === undefined) optional = true; // ASP.NET catch-alls also match nothing
  return { kind: 'param', name, optional, catchAll, defaultValue, checks };
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles a template (without the route prefix handling: pass the full `prefix/route`). */
export function compileRoute(template: string, functionName?: string): CompiledRoute {
  const clean = template.replace(/^~?\/+/, '').replace(/\/+$/, '');
  const segments = clean === '' ? [] : clean.split('/');
  const params: ParamPart[] = [];
  let re = '^';
  segments.forEach((seg, idx) => {
    if (seg === '') fail(template, 'empty segment ("//")', functionName);
    const parts: Part[] = splitSegment(seg, template, functionName).map((p) => (p.param !== undefined ? parseParam(p.param, template, functionName) : { kind: 'literal', text: p.literal! }));
    const last = idx === segments.length - 1;
    for (const p of parts)
      if (p.kind === 'param') {
        if (params.some((q) => q.name.toLowerCase() === p.name.toLowerCase())) fail(template, `parameter "${p.name}" appears twice`, functionName);
        if (p.catchAll && !(last && parts.length === 1)) fail(template, 'a catch-all parameter must be the whole last segment', functionName);
        params.push(p);
      }
    const only = parts.length === 1 && parts[0]!.kind === 'param' ? parts[0] : undefined;
    if (only && only.optional) {
      if (!last) fail(template, `optional parameter "${only.name}" must be in the last segment`, functionName);
      re += only.catchAll ? '(?:/(.*))?' : '(?:/([^/]+))?';
      return;
    }
    re += '/' + parts.map((p) => (p.kind === 'literal' ? esc(p.text) : p.optional ? '([^/]*)' : '([^/]+)')).join('');
  });
  re += '/?$';
  const regex = new RegExp(re, 'i');
  return {
    template,
    paramNames: params.map((p) => p.name),
    match(path: string) {
      const m = regex.exec(path === '' ? '/' : path);
      if (!m) return undefined;
      const values: Record<string, string> = {};
      for (let i = 0; i < params.length; i++) {
        const p = params[i]!;
        const v = m[i + 1];
        if (v === undefined || v === '') {
          if (!p.optional) return undefined;
          // Absent optional values are omitted (req.params.x is undefined), unless a default is declared.
          if (p.defaultValue !== undefined) values[p.name] = p.defaultValue;
          continue;
        }
        if (!p.checks.every((c) => c(v))) return undefined;
        values[p.name] = v;
      }
      return values;
    },
  };
}
