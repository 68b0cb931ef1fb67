import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';

/** Parameters of type 'file' are in formData. */
export const rule: Rule = {
  id: 'FileParameterMustBeInFormData',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Parameters of type 'file' are in formData.",
  check(ctx) {
    const seen = new Set<string>();
    for (const o of ctx.operations) {
      for (const p of operationParams(ctx.swagger, o)) {
        if (p.param.type === 'file' && p.param.in !== 'formData' && !seen.has(p.targetPointer)) {
          seen.add(p.targetPointer);
          ctx.report({ message: "Parameters of type 'file' are not valid in locations other than 'formData'.", pointer: p.pointer });
        }
      }
    }
  },
};
