import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** At most one operation of a family has no revision. */
export const rule: Rule = {
  id: 'OperationFamilyHasManyEmptyRevisions',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "At most one operation of a family has no revision.",
  check(ctx) {
    const families = new Map<string, Array<{ o: (typeof ctx.operations)[number]; a: Record<string, unknown> }>>();
    for (const o of ctx.operations) {
      const a = o.op['x-ms-api-annotation'];
      if (isObj(a) && typeof a.family === 'string') (families.get(a.family) ?? families.set(a.family, []).get(a.family)!).push({ o, a });
    }
    for (const [family, members] of families) {
      const empty = members.filter((m) => m.a.revision === undefined);
      if (empty.length > 1) ctx.report({ message: `The operation family '${family}' has several operations with empty revision. Only one operation can have empty revision.`, pointer: ptr(empty[1]!.o.pointer, 'x-ms-api-annotation') });
    }
  },
};
