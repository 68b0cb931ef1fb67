import type { Rule } from '../types';
import { ptr } from '../pointer';

/** operationIds are unique across the swagger. */
export const rule: Rule = {
  id: 'OperationIdNotUnique',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'operationIds are unique across the swagger.',
  check(ctx) {
    const seen = new Map<string, string>();
    for (const o of ctx.operations) {
      const id = o.op.operationId;
      if (typeof id !== 'string') continue;
      const first = seen.get(id);
      if (first) ctx.report({ message: `The operationId '${id}' is used multiple times (first at ${first}). Operation identifiers must be unique.`, pointer: ptr(o.pointer, 'operationId') });
      else seen.set(id, o.pointer);
    }
  },
};
