import type { Rule } from '../types';
import { ptr } from '../pointer';
import { operationFamilies } from './operation-families';

/** At most one non-deprecated operation of a family is in Production status. */
export const rule: Rule = {
  id: 'OperationFamilyHasManyActiveProductionOperations',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'At most one non-deprecated operation of a family is in Production status.',
  check(ctx) {
    const active = operationFamilies(ctx, (m) => m.a.status === 'Production' && m.o.op.deprecated !== true);
    for (const [family, ops] of active)
      if (ops.length > 1)
        ctx.report({
          message: `The operation family '${family}' has several active operations in Production status. Previous revisions should be deprecated.`,
          pointer: ptr(ops[1]!.o.pointer, 'x-ms-api-annotation', 'status'),
        });
  },
};
