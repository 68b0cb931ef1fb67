import type { Rule } from '../types';
import { forEachDefinedRequirement } from './security-requirements';

/** Non-OAuth security requirements use an empty scope array. */
export const rule: Rule = {
  id: 'SecurityRequirementMustHaveEmptyValue',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Non-OAuth security requirements use an empty scope array.',
  check(ctx) {
    forEachDefinedRequirement(ctx, (name, d, scopes, pointer) => {
      if (d.type !== 'oauth2' && scopes.length > 0) ctx.report({ message: `The security requirement '${name}' cannot specify any scopes, an empty array should be provided.`, pointer });
    });
  },
};
