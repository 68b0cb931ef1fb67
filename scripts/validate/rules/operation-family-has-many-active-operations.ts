import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** A family has at most two non-deprecated operations. */
export const rule: Rule = {
  id: 'OperationFamilyHasManyActiveOperations',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "A family has at most two non-deprecated operations.",
  check(ctx) {
    const families = new Map<string, Array<{ o: (typeof ctx.operations)[number]; a: Record<string, unknown> }>>();
    for (const o of ctx.operations) {
      const a = o.op['x-ms-api-annotation'];
      if (isObj(a) && typeof a.family === 'string') (families.get(a.family) ?? families.set(a.family, []).get(a.family)!).push({ o, a });
    }
    for (const [family, members] of families) {
      const active = members.filter((m) => m.o.op.deprecated !== true);
      if (active.length > 2) ctx.report({ message: `The operation family '${family}' has more than two active operations. Extra operations must be deprecated.`, pointer: ptr(active[2]!.o.pointer, 'x-ms-api-annotation') });
    }
  },
};
