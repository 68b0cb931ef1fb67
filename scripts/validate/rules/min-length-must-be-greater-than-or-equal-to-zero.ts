import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** `minLength` is not negative. */
export const rule: Rule = {
  id: 'MinLengthMustBeGreaterThanOrEqualToZero',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: '`minLength` is not negative.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      const v = s.schema.minLength;
      if (typeof v === 'number' && v < 0) ctx.report({ message: "The 'minLength' value must be greater than or equal to zero.", pointer: ptr(s.pointer, 'minLength') });
    });
  },
};
