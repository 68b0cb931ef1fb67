import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Operations of one x-ms-api-annotation family have distinct revisions. */
export const rule: Rule = {
  id: 'OperationFamilyHasDuplicateRevisions',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Operations of one x-ms-api-annotation family have distinct revisions.",
  check(ctx) {
    const families = new Map<string, Array<{ o: (typeof ctx.operations)[number]; a: Record<string, unknown> }>>();
    for (const o of ctx.operations) {
      const a = o.op['x-ms-api-annotation'];
      if (isObj(a) && typeof a.family === 'string') (families.get(a.family) ?? families.set(a.family, []).get(a.family)!).push({ o, a });
    }
    for (const [family, members] of families) {
      const seen = new Set<unknown>();
      for (const m of members) {
        if (m.a.revision === undefined) continue;
        if (seen.has(m.a.revision)) ctx.report({ message: `The operation family '${family}' has operations with duplicate revision (${String(m.a.revision)}).`, pointer: ptr(m.o.pointer, 'x-ms-api-annotation', 'revision') });
        seen.add(m.a.revision);
      }
    }
  },
};
