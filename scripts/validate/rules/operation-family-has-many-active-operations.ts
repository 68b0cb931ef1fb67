import type { Rule } from '../types';
import { ptr } from '../pointer';
import { operationFamilies } from './operation-families';

/** A family has at most two non-deprecated operations. */
export const rule: Rule = {
  id: 'OperationFamilyHasManyActiveOperations',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'A family has at most two non-deprecated operations.',
  check(ctx) {
    for (const [family, members] of operationFamilies(ctx)) {
      const active = members.filter((m) => m.o.op.deprecated !== true);
      if (active.length > 2)
        ctx.report({
          message: `The operation family '${family}' has more than two active operations. Extra operations must be deprecated.`,
          pointer: ptr(active[2]!.o.pointer, 'x-ms-api-annotation'),
        });
    }
  },
};
