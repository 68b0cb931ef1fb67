import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** minimum ≤ maximum, minLength ≤ maxLength, minItems ≤ maxItems in schemas. */
export const rule: Rule = {
  id: 'MinimumShouldBeLessThanOrEqualToMaximum',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'minimum \u2264 maximum in schemas.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      for (const [lo, hi] of [['minimum', 'maximum']] as const) {
        const a = s.schema[lo];
        const b = s.schema[hi];
        if (typeof a === 'number' && typeof b === 'number' && a > b)
          ctx.report({ message: `The '${lo}' value (${a}) should be less than or equal to the '${hi}' value (${b}).`, pointer: ptr(s.pointer, lo) });
      }
    });
  },
};
