import type { Rule } from '../types';

/** At most 256 operations per swagger. */
export const rule: Rule = {
  id: 'TotalOperationsCountExceedsMaxAllowed',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'At most 256 operations per swagger.',
  check(ctx) {
    if (ctx.operations.length > 256)
      ctx.report({
        message: `The total number of operations in the swagger (${ctx.operations.length}) exceeds the maximum allowed value of '256'. Split the API into several connectors.`,
        pointer: '/paths',
      });
  },
};
