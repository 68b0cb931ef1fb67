import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** `maxLength` is not negative. */
export const rule: Rule = {
  id: 'MaxLengthMustBeGreaterThanOrEqualToZero',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: '`maxLength` is not negative.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      const v = s.schema.maxLength;
      if (typeof v === 'number' && v < 0) ctx.report({ message: "The 'maxLength' value must be greater than or equal to zero.", pointer: ptr(s.pointer, 'maxLength') });
    });
  },
};
