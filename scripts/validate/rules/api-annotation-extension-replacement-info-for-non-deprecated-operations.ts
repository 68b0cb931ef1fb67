import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** x-ms-api-annotation.replacement is given only on deprecated operations. */
export const rule: Rule = {
  id: 'ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'x-ms-api-annotation.replacement is given only on deprecated operations.',
  check(ctx) {
    for (const o of ctx.operations) {
      const a = o.op['x-ms-api-annotation'];
      if (isObj(a) && a.replacement !== undefined && o.op.deprecated !== true)
        ctx.report({
          message: `The 'x-ms-api-annotation' extension for operation '${String(o.op.operationId ?? o.path)}' is invalid. The replacement property should be specified for deprecated operations only.`,
          pointer: ptr(o.pointer, 'x-ms-api-annotation', 'replacement'),
        });
    }
  },
};
