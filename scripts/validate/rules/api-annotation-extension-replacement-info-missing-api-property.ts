import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** x-ms-api-annotation.replacement names the 'api'. */
export const rule: Rule = {
  id: 'ApiAnnotationExtensionReplacementInfoMissingApiProperty',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "x-ms-api-annotation.replacement names the 'api'.",
  check(ctx) {
    for (const o of ctx.operations) {
      const a = o.op['x-ms-api-annotation'];
      if (isObj(a) && isObj(a.replacement) && (typeof a.replacement.api !== 'string' || a.replacement.api === ''))
        ctx.report({
          message: `The 'x-ms-api-annotation' extension for operation '${String(o.op.operationId ?? o.path)}' is invalid. The replacement property must specify 'api' property.`,
          pointer: ptr(o.pointer, 'x-ms-api-annotation', 'replacement'),
        });
    }
  },
};
