import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** minLength ≤ maxLength. */
export const rule: Rule = {
  id: 'MinLengthShouldBeLessThanOrEqualToMaxLength',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'minLength \u2264 maxLength.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      const a = s.schema.minLength,
        b = s.schema.maxLength;
      if (typeof a === 'number' && typeof b === 'number' && a > b)
        ctx.report({ message: `The 'minLength' value (${a}) should be less than or equal to the 'maxLength' value (${b}).`, pointer: ptr(s.pointer, 'minLength') });
    });
  },
};
