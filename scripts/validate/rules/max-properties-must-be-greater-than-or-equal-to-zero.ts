import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** `maxProperties` is not negative. */
export const rule: Rule = {
  id: 'MaxPropertiesMustBeGreaterThanOrEqualToZero',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: '`maxProperties` is not negative.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      const v = s.schema.maxProperties;
      if (typeof v === 'number' && v < 0) ctx.report({ message: "The 'maxProperties' value must be greater than or equal to zero.", pointer: ptr(s.pointer, 'maxProperties') });
    });
  },
};
