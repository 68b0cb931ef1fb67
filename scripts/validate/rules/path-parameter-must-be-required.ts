import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';

/** Path parameters have `required: true`. */
export const rule: Rule = {
  id: 'PathParameterMustBeRequired',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Path parameters have `required: true`.',
  check(ctx) {
    const seen = new Set<string>();
    for (const o of ctx.operations) {
      for (const p of operationParams(ctx.swagger, o)) {
        if (p.param.in === 'path' && p.param.required !== true && !seen.has(p.targetPointer)) {
          seen.add(p.targetPointer);
          ctx.report({
            message: `The parameter '${String(p.param.name)}' must be marked as required as it is used in the operation path. Include the 'required' property, with the value 'true'.`,
            pointer: p.pointer,
          });
        }
      }
    }
  },
};
