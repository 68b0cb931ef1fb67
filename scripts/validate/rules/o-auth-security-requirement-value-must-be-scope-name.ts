import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { forEachDefinedRequirement } from './security-requirements';
import { CERTIFICATION_ONLY } from './evidence';

/** OAuth security requirements name only scopes defined in the securityDefinitions entry. */
export const rule: Rule = {
  id: 'OAuthSecurityRequirementValueMustBeScopeName',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  evidence: { merged: 4, docs: `${CERTIFICATION_ONLY}. The scopes the platform requests are oAuthSettings.scopes in apiProperties.json` },
  file: 'apiDefinition.swagger.json',
  description:
    'OAuth security requirements name only scopes defined in the securityDefinitions entry (an error at --level certification; a warning at platform level: the scopes requested come from apiProperties.json).',
  check(ctx) {
    forEachDefinedRequirement(ctx, (name, d, scopes, pointer) => {
      if (d.type !== 'oauth2') return;
      const known = isObj(d.scopes) ? d.scopes : {};
      for (const sc of scopes)
        if (typeof sc === 'string' && !(sc in known))
          ctx.report({ message: `The OAuth security requirement '${name}' refers to scope name '${sc}', but this is not defined in the 'securityDefinitions' object.`, pointer });
    });
  },
};
