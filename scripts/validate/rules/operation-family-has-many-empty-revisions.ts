import type { Rule } from '../types';
import { ptr } from '../pointer';
import { operationFamilies } from './operation-families';

/** At most one operation of a family has no revision. */
export const rule: Rule = {
  id: 'OperationFamilyHasManyEmptyRevisions',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'At most one operation of a family has no revision.',
  check(ctx) {
    for (const [family, members] of operationFamilies(ctx)) {
      const empty = members.filter((m) => m.a.revision === undefined);
      if (empty.length > 1)
        ctx.report({
          message: `The operation family '${family}' has several operations with empty revision. Only one operation can have empty revision.`,
          pointer: ptr(empty[1]!.o.pointer, 'x-ms-api-annotation'),
        });
    }
  },
};
