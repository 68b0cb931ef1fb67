import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** Operation and parameter descriptions are full sentences ending in punctuation. */
export const rule: Rule = {
  id: 'CkDescriptionSentence',
  level: 'certification',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'Operation and parameter descriptions are full sentences ending in punctuation.',
  check(ctx) {
    const seen = new Set<string>();
    const check = (d: unknown, pointer: string) => {
      if (typeof d === 'string' && d.trim() !== '' && !/[.!?)]$/.test(d.trim()))
        ctx.report({ message: `The description '${d.length > 50 ? d.slice(0, 47) + '…' : d}' should be a full sentence ending in punctuation.`, pointer });
    };
    for (const o of ctx.operations) {
      check(o.op.description, ptr(o.pointer, 'description'));
      for (const p of operationParams(ctx.swagger, o))
        if (!seen.has(p.targetPointer)) {
          seen.add(p.targetPointer);
          check(p.param.description, ptr(p.pointer, 'description'));
        }
    }
  },
};
