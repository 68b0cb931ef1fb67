import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** `minProperties` is not negative. */
export const rule: Rule = {
  id: 'MinPropertiesMustBeGreaterThanOrEqualToZero',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: '`minProperties` is not negative.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      const v = s.schema.minProperties;
      if (typeof v === 'number' && v < 0) ctx.report({ message: "The 'minProperties' value must be greater than or equal to zero.", pointer: ptr(s.pointer, 'minProperties') });
    });
  },
};
