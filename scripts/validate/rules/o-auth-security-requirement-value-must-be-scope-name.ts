import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { forEachDefinedRequirement } from './security-requirements';

/** OAuth security requirements name only scopes defined in the securityDefinitions entry. */
export const rule: Rule = {
  id: 'OAuthSecurityRequirementValueMustBeScopeName',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "OAuth security requirements name only scopes defined in the securityDefinitions entry.",
  check(ctx) {
    forEachDefinedRequirement(ctx, (name, d, scopes, pointer) => {
      if (d.type !== 'oauth2') return;
      const known = isObj(d.scopes) ? d.scopes : {};
      for (const sc of scopes) if (typeof sc === 'string' && !(sc in known)) ctx.report({ message: `The OAuth security requirement '${name}' refers to scope name '${sc}', but this is not defined in the 'securityDefinitions' object.`, pointer });
    });
  },
};
