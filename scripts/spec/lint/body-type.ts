import { SPEC_CODES } from '../codes';
import type { LintRule } from '../types';

/** Body types tsoa turns into a valid `schema` (a $ref or an array); anything else becomes an invalid body parameter. */
const NAMED = new Set(['refObject', 'refAlias', 'refEnum', 'array']);

/** A primitive or inline-literal `@Body()` gives `{in: body, type: …}` without `schema` (tsoa #290), invalid Swagger 2.0. */
export const bodyType: LintRule = {
  code: SPEC_CODES.CK_SPEC_BODY_NOT_NAMED,
  check(ctx) {
    const out = [];
    for (const op of ctx.operations) {
      for (const p of op.md.parameters) {
        if (p.in !== 'body' || NAMED.has(p.type.dataType)) continue;
        const what = p.type.dataType === 'nestedObjectLiteral' ? 'an inline object literal' : `'${p.type.dataType}'`;
        out.push(ctx.at(op, this.code, 'error', `@Body '${p.parameterName}' of ${op.controller}.${op.method} is ${what}; use a named interface`));
      }
    }
    return out;
  },
};
