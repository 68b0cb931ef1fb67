import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** exclusiveMaximum appears only with maximum. */
export const rule: Rule = {
  id: 'ExclusiveMaximumRequiresMaximum',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'exclusiveMaximum appears only with maximum.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      if (s.schema.exclusiveMaximum !== undefined && s.schema.maximum === undefined)
        ctx.report({ message: "The 'exclusiveMaximum' keyword can only be specified if the 'maximum' keyword is also specified.", pointer: ptr(s.pointer, 'exclusiveMaximum') });
    });
  },
};
