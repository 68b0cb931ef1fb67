import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** `minItems` is not negative. */
export const rule: Rule = {
  id: 'MinItemsMustBeGreaterThanOrEqualToZero',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: '`minItems` is not negative.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      const v = s.schema.minItems;
      if (typeof v === 'number' && v < 0) ctx.report({ message: "The 'minItems' value must be greater than or equal to zero.", pointer: ptr(s.pointer, 'minItems') });
    });
  },
};
