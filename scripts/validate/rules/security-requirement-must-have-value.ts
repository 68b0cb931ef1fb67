import type { Rule } from '../types';
import { forEachSecurityRequirement } from './security-requirements';

/** Every security requirement has an array value (empty when no scopes). */
export const rule: Rule = {
  id: 'SecurityRequirementMustHaveValue',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Every security requirement has an array value (empty when no scopes).',
  check(ctx) {
    forEachSecurityRequirement(ctx, (name, v, pointer) => {
      if (!Array.isArray(v)) ctx.report({ message: `The security requirement '${name}' must have have a value. Provide an empty array if no OAuth scopes are required.`, pointer });
    });
  },
};
