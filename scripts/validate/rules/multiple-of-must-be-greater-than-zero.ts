import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** `multipleOf` is greater than zero. */
export const rule: Rule = {
  id: 'MultipleOfMustBeGreaterThanZero',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: '`multipleOf` is greater than zero.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      const v = s.schema.multipleOf;
      if (typeof v === 'number' && v <= 0) ctx.report({ message: "The 'multipleOf' value must be greater than zero.", pointer: ptr(s.pointer, 'multipleOf') });
    });
  },
};
