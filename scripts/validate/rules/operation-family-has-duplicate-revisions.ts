import type { Rule } from '../types';
import { ptr } from '../pointer';
import { operationFamilies } from './operation-families';

/** Operations of one x-ms-api-annotation family have distinct revisions. */
export const rule: Rule = {
  id: 'OperationFamilyHasDuplicateRevisions',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Operations of one x-ms-api-annotation family have distinct revisions.',
  check(ctx) {
    for (const [family, members] of operationFamilies(ctx)) {
      const seen = new Set<unknown>();
      for (const m of members) {
        if (m.a.revision === undefined) continue;
        if (seen.has(m.a.revision))
          ctx.report({ message: `The operation family '${family}' has operations with duplicate revision (${String(m.a.revision)}).`, pointer: ptr(m.o.pointer, 'x-ms-api-annotation', 'revision') });
        seen.add(m.a.revision);
      }
    }
  },
};
