import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** `maxItems` is not negative. */
export const rule: Rule = {
  id: 'MaxItemsMustBeGreaterThanOrEqualToZero',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: '`maxItems` is not negative.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      const v = s.schema.maxItems;
      if (typeof v === 'number' && v < 0) ctx.report({ message: "The 'maxItems' value must be greater than or equal to zero.", pointer: ptr(s.pointer, 'maxItems') });
    });
  },
};
