import type { Rule } from '../types';
import { forEachSecurityRequirement, securityDefinitions } from './security-requirements';
import { CERTIFICATION_ONLY } from './evidence';

/** Every security requirement names a securityDefinitions entry. */
export const rule: Rule = {
  id: 'SecurityRequirementMustBeDefined',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  evidence: { merged: 14, docs: `${CERTIFICATION_ONLY}. The platform signs requests with the connection parameters of apiProperties.json, not with the swagger's security entries` },
  file: 'apiDefinition.swagger.json',
  description: 'Every security requirement names a securityDefinitions entry (an error at --level certification; a warning at platform level: authentication comes from apiProperties.json).',
  check(ctx) {
    const defs = securityDefinitions(ctx);
    forEachSecurityRequirement(ctx, (name, _value, pointer) => {
      if (!Object.prototype.hasOwnProperty.call(defs, name)) ctx.report({ message: `The security requirement '${name}' is not defined in the 'securityDefinitions' object.`, pointer });
    });
  },
};
