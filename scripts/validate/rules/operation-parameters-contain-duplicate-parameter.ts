import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** No two parameters of one operation share name and location. */
export const rule: Rule = {
  id: 'OperationParametersContainDuplicateParameter',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'No two parameters of one operation share name and location.',
  check(ctx) {
    for (const o of ctx.operations) {
      if (!Array.isArray(o.op.parameters)) continue;
      const seen = new Set<string>();
      o.op.parameters.forEach((raw, i) => {
        const p = ctx.deref(raw);
        if (!isObj(p)) return;
        const key = `${String(p.in)}\u0000${String(p.name)}`;
        if (seen.has(key))
          ctx.report({
            message: `The operation '${String(o.op.operationId ?? o.path)}' contains duplicate parameters with name '${String(p.name)}', location '${String(p.in)}'.`,
            pointer: ptr(o.pointer, 'parameters', i),
          });
        seen.add(key);
      });
    }
  },
};
