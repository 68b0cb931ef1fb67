import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';

/** An operation uses either a body parameter or formData parameters, not both. */
export const rule: Rule = {
  id: 'ParameterListContainsFormDataAndBody',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'An operation uses either a body parameter or formData parameters, not both.',
  check(ctx) {
    for (const o of ctx.operations) {
      const ps = operationParams(ctx.swagger, o);
      if (ps.some((p) => p.param.in === 'body') && ps.some((p) => p.param.in === 'formData'))
        ctx.report({ message: "The 'parameters' list defines both a 'body' parameter, and a 'formData' parameter. Only one of these location types can be used in an operation.", pointer: o.pointer });
    }
  },
};
