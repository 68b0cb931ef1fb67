import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** allowEmptyValue is used only on query and formData parameters. */
export const rule: Rule = {
  id: 'AllowEmptyValueOnlyValidForQueryFormData',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'allowEmptyValue is used only on query and formData parameters.',
  check(ctx) {
    const seen = new Set<string>();
    for (const o of ctx.operations)
      for (const p of operationParams(ctx.swagger, o)) {
        if (seen.has(p.targetPointer)) continue;
        seen.add(p.targetPointer);
        if (p.param.allowEmptyValue !== undefined && p.param.in !== 'query' && p.param.in !== 'formData')
          ctx.report({ message: "The parameter cannot use the 'allowEmptyValue' keyword as it is not in the 'query' or 'formData' location.", pointer: ptr(p.pointer, 'allowEmptyValue') });
      }
  },
};
