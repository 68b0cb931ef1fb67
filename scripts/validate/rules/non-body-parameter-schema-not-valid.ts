import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';

/** Only body parameters define a 'schema'. */
export const rule: Rule = {
  id: 'NonBodyParameterSchemaNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Only body parameters define a 'schema'.",
  check(ctx) {
    const seen = new Set<string>();
    for (const o of ctx.operations) {
      for (const p of operationParams(ctx.swagger, o)) {
        if (p.param.in !== 'body' && p.param.schema !== undefined && !seen.has(p.targetPointer)) {
          seen.add(p.targetPointer);
          ctx.report({ message: `The parameter '${String(p.param.name)}' cannot define a schema as it is not in the 'body'.`, pointer: p.pointer });
        }
      }
    }
  },
};
