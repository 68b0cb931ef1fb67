import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** x-ms-api-annotation.replacement names the 'operationId'. */
export const rule: Rule = {
  id: 'ApiAnnotationExtensionReplacementInfoMissingOperationIdProperty',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "x-ms-api-annotation.replacement names the 'operationId'.",
  check(ctx) {
    for (const o of ctx.operations) {
      const a = o.op['x-ms-api-annotation'];
      if (isObj(a) && isObj(a.replacement) && (typeof a.replacement.operationId !== 'string' || a.replacement.operationId === ''))
        ctx.report({
          message: `The 'x-ms-api-annotation' extension for operation '${String(o.op.operationId ?? o.path)}' is invalid. The replacement property must specify 'operationId' property.`,
          pointer: ptr(o.pointer, 'x-ms-api-annotation', 'replacement'),
        });
    }
  },
};
