import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** minItems ≤ maxItems. */
export const rule: Rule = {
  id: 'MinItemsShouldBeLessThanOrEqualToMaxItems',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'minItems \u2264 maxItems.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      const a = s.schema.minItems,
        b = s.schema.maxItems;
      if (typeof a === 'number' && typeof b === 'number' && a > b)
        ctx.report({ message: `The 'minItems' value (${a}) should be less than or equal to the 'maxItems' value (${b}).`, pointer: ptr(s.pointer, 'minItems') });
    });
  },
};
