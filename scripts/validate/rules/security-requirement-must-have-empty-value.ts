import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { forEachSecurityRequirement, securityDefinitions } from './security-requirements';

/** Non-OAuth security requirements use an empty scope array. */
export const rule: Rule = {
  id: 'SecurityRequirementMustHaveEmptyValue',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Non-OAuth security requirements use an empty scope array.",
  check(ctx) {
    const defs = securityDefinitions(ctx);
    forEachSecurityRequirement(ctx, (name, scopes, pointer) => {
      const d = defs[name];
      if (isObj(d) && d.type !== 'oauth2' && Array.isArray(scopes) && scopes.length > 0) ctx.report({ message: `The security requirement '${name}' cannot specify any scopes, an empty array should be provided.`, pointer });
    });
  },
};
