import type { Rule } from '../types';
import { isObj, walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';
/** exclusiveMaximum/exclusiveMinimum appear only with maximum/minimum. */
export const rule: Rule = {
  id: 'ExclusiveMaximumRequiresMaximum',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "exclusiveMaximum/exclusiveMinimum appear only with maximum/minimum.",
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      if (s.schema.exclusiveMaximum !== undefined && s.schema.maximum === undefined) ctx.report({ message: "The 'exclusiveMaximum' keyword can only be specified if the 'maximum' keyword is also specified.", pointer: ptr(s.pointer, 'exclusiveMaximum') });
      if (s.schema.exclusiveMinimum !== undefined && s.schema.minimum === undefined) ctx.report({ message: "The 'exclusiveMinimum' keyword can only be specified if the 'minimum' keyword is also specified.", pointer: ptr(s.pointer, 'exclusiveMinimum') });
    });
  },
};
