import type { Rule } from '../types';
import { ptr } from '../pointer';

/** operationIds use only letters and digits (Microsoft sanitizes other characters; a warning). */
export const rule: Rule = {
  id: 'OperationIdSanitized',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'operationIds use only letters and digits (Microsoft sanitizes other characters; a warning).',
  check(ctx) {
    for (const o of ctx.operations) {
      const id = o.op.operationId;
      if (typeof id === 'string' && /[^A-Za-z0-9]/.test(id))
        ctx.report({
          message: `The operationId '${id}' differs from its sanitized value '${id.replace(/[^A-Za-z0-9]/g, '')}'; avoid non-alphanumeric characters.`,
          pointer: ptr(o.pointer, 'operationId'),
        });
    }
  },
};
