/**
 * Swagger 2.0 has no oneOf: tsoa's SpecGenerator2 turns every union beyond string literals (and `T | null` when T is
 * a model) into `{type: object}`, and drops inline members of intersections. This rule finds those places in the
 * types an operation uses (parameters and responses, through every referenced model) and reports each place once,
 * at the first operation that uses it. The checks mirror `getSwaggerTypeForUnionType` / `…IntersectionType`.
 */
import type { Tsoa } from '@tsoa/runtime';
import { SPEC_CODES } from '../codes';
import type { LintFinding, LintRule } from '../types';

interface Site {
  where: string;
  severity: LintFinding['severity'];
  what: string;
}

const REF_KINDS = new Set(['refObject', 'refEnum', 'refAlias']);
const SKIP_PARAMS = new Set(['request', 'request-prop', 'res']);

class UnionScanner {
  private readonly memo = new Map<string, Site[]>();
  constructor(private readonly refs: Tsoa.ReferenceTypeMap) {}

  /** Sites inside a named model, relative to its name; cycles yield nothing on the back edge. */
  ref(name: string): Site[] {
    const hit = this.memo.get(name);
    if (hit) return hit;
    const sites: Site[] = [];
    this.memo.set(name, sites);
    const t = this.refs[name] as Tsoa.ReferenceType | undefined;
    if (!t) return sites;
    if (t.dataType === 'refObject') {
      for (const p of t.properties) this.type(p.type, `${name}.${p.name}`, sites);
      if (t.additionalProperties) this.type(t.additionalProperties, `${name}[key]`, sites);
    } else if (t.dataType === 'refAlias') {
      this.type(t.type, name, sites);
    }
    return sites;
  }

  type(t: Tsoa.Type, where: string, out: Site[]): void {
    switch (t.dataType) {
      case 'refObject':
      case 'refAlias':
        out.push(...this.ref((t as Tsoa.ReferenceType).refName));
        return;
      case 'array':
        this.type((t as Tsoa.ArrayType).elementType, `${where}[]`, out);
        return;
      case 'nestedObjectLiteral': {
        const n = t as Tsoa.NestedObjectLiteralType;
        for (const p of n.properties) this.type(p.type, `${where}.${p.name}`, out);
        if (n.additionalProperties) this.type(n.additionalProperties, `${where}[key]`, out);
        return;
      }
      case 'union': {
        const members = (t as Tsoa.UnionType).types.filter((x) => x.dataType !== 'undefined');
        if (members.every((m) => m.dataType === 'enum')) return;
        const nullIdx = members.findIndex((m) => m.dataType === 'enum' && (m as Tsoa.EnumType).enums.includes(null));
        if (members.length === 2 && nullIdx >= 0) {
          const other = members[1 - nullIdx];
          if (REF_KINDS.has(other.dataType)) {
            out.push({ where, severity: 'warning', what: `'${(other as Tsoa.ReferenceType).refName} | null' becomes {type: object} (a nullable $ref is not expressible)` });
          } else this.type(other, where, out);
          return;
        }
        // Name every member, undefined included: "a union of string" would hide what actually degraded.
        out.push({ where, severity: 'error', what: `a union of ${(t as Tsoa.UnionType).types.map(describe).join(' | ')} becomes {type: object}` });
        return;
      }
      case 'intersection': {
        const inline = (t as Tsoa.IntersectionType).types.filter((m) => m.dataType !== 'refObject');
        if (inline.length) out.push({ where, severity: 'error', what: `an intersection with ${inline.map(describe).join(', ')} loses those members` });
        return;
      }
      default:
        return;
    }
  }
}

function describe(t: Tsoa.Type): string {
  if (REF_KINDS.has(t.dataType)) return (t as Tsoa.ReferenceType).refName;
  if (t.dataType === 'enum') return (t as Tsoa.EnumType).enums.map((e) => JSON.stringify(e)).join(' | ');
  return t.dataType === 'nestedObjectLiteral' ? '{…}' : t.dataType;
}

export const unionDegrade: LintRule = {
  code: SPEC_CODES.CK_SPEC_UNION_DEGRADED,
  check(ctx) {
    const scanner = new UnionScanner(ctx.bm.metadata.referenceTypeMap);
    const seen = new Set<string>();
    const out: LintFinding[] = [];
    for (const op of ctx.operations) {
      const sites: Site[] = [];
      for (const p of op.md.parameters) {
        if (!SKIP_PARAMS.has(p.in)) scanner.type(p.type, `parameter '${p.parameterName}'`, sites);
      }
      for (const r of op.md.responses) if (r.schema) scanner.type(r.schema, `response ${r.name}`, sites);
      for (const s of sites) {
        const local = s.where.startsWith('parameter ') || s.where.startsWith('response ');
        const key = local ? `${op.controller}.${op.method} ${s.where}` : s.where;
        if (seen.has(key)) continue;
        seen.add(key);
        const place = local ? `${s.where} of ${op.controller}.${op.method}` : `${s.where} (used by ${op.controller}.${op.method})`;
        out.push(ctx.at(op, this.code, s.severity, `${place}: ${s.what}`));
      }
    }
    return out;
  },
};
