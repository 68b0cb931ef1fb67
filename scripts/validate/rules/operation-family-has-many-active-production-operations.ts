import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** At most one non-deprecated operation of a family is in Production status. */
export const rule: Rule = {
  id: 'OperationFamilyHasManyActiveProductionOperations',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: "At most one non-deprecated operation of a family is in Production status.",
  check(ctx) {
    const families = new Map<string, Array<(typeof ctx.operations)[number]>>();
    for (const o of ctx.operations) {
      const a = o.op['x-ms-api-annotation'];
      if (isObj(a) && typeof a.family === 'string' && a.status === 'Production' && o.op.deprecated !== true) (families.get(a.family) ?? families.set(a.family, []).get(a.family)!).push(o);
    }
    for (const [family, ops] of families) if (ops.length > 1) ctx.report({ message: `The operation family '${family}' has several active operations in Production status. Previous revisions should be deprecated.`, pointer: ptr(ops[1]!.pointer, 'x-ms-api-annotation', 'status') });
  },
};
