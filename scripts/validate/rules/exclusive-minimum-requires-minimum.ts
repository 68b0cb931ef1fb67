import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** exclusiveMinimum appears only with minimum. */
export const rule: Rule = {
  id: 'ExclusiveMinimumRequiresMinimum',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'exclusiveMinimum appears only with minimum.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      if (s.schema.exclusiveMinimum !== undefined && s.schema.minimum === undefined)
        ctx.report({ message: "The 'exclusiveMinimum' keyword can only be specified if the 'minimum' keyword is also specified.", pointer: ptr(s.pointer, 'exclusiveMinimum') });
    });
  },
};
