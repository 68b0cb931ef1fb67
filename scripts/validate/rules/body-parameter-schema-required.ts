import type { Rule } from '../types';
import { isObj, operationParams } from '../swagger-walk';

/** Body parameters define a 'schema'. */
export const rule: Rule = {
  id: 'BodyParameterSchemaRequired',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Body parameters define a 'schema'.",
  check(ctx) {
    const seen = new Set<string>();
    for (const o of ctx.operations) {
      for (const p of operationParams(ctx.swagger, o)) {
        if (p.param.in === 'body' && !isObj(p.param.schema) && !seen.has(p.targetPointer)) {
          seen.add(p.targetPointer);
          ctx.report({ message: "The 'body' parameter must define a 'schema' property.", pointer: p.pointer });
        }
      }
    }
  },
};
