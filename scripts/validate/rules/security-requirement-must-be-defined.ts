import type { Rule } from '../types';
import { forEachSecurityRequirement, securityDefinitions } from './security-requirements';

/** Every security requirement names a securityDefinitions entry. */
export const rule: Rule = {
  id: 'SecurityRequirementMustBeDefined',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Every security requirement names a securityDefinitions entry.",
  check(ctx) {
    const defs = securityDefinitions(ctx);
    // With no securityDefinitions at all, auth comes from apiProperties alone (Motimate, CDK Drive Service Vehicles): warn.
    const severity = Object.keys(defs).length === 0 ? 'warning' : 'error';
    forEachSecurityRequirement(ctx, (name, _value, pointer) => {
      if (!Object.prototype.hasOwnProperty.call(defs, name)) ctx.report({ severity, message: `The security requirement '${name}' is not defined in the 'securityDefinitions' object.`, pointer });
    });
  },
};
