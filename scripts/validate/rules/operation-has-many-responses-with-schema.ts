import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** At most one response per operation defines a schema (the designer uses only one). */
export const rule: Rule = {
  id: 'OperationHasManyResponsesWithSchema',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'At most one response per operation defines a schema (the designer uses only one).',
  check(ctx) {
    for (const o of ctx.operations) {
      const r = o.op.responses;
      if (!isObj(r)) continue;
      const withSchema = Object.entries(r).filter(([k, v]) => /^2\d\d$/.test(k) && isObj(ctx.deref(v)) && isObj((ctx.deref(v) as Record<string, unknown>).schema));
      if (withSchema.length > 1)
        ctx.report({
          message: `The operation '${String(o.op.operationId ?? o.path)}' has more than one successful response with a schema (${withSchema.map(([k]) => k).join(', ')}); only one schema will be used in the designer.`,
          pointer: ptr(o.pointer, 'responses'),
        });
    }
  },
};
