import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Every security requirement names a securityDefinitions entry. */
export const rule: Rule = {
  id: 'SecurityRequirementMustBeDefined',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Every security requirement names a securityDefinitions entry.",
  check(ctx) {
    const defs = isObj(ctx.swagger?.securityDefinitions) ? ctx.swagger!.securityDefinitions : {};
    // With no securityDefinitions at all, auth comes from apiProperties alone (Motimate, CDK Drive Service Vehicles): warn.
    const severity = Object.keys(defs).length === 0 ? 'warning' : 'error';
    const check = (sec: unknown, base: string) => {
      if (!Array.isArray(sec)) return;
      sec.forEach((req, i) => {
        if (!isObj(req)) return;
        for (const name of Object.keys(req)) if (!Object.prototype.hasOwnProperty.call(defs, name)) ctx.report({ severity, message: `The security requirement '${name}' is not defined in the 'securityDefinitions' object.`, pointer: ptr(base, i, name) });
      });
    };
    check(ctx.swagger?.security, '/security');
    for (const o of ctx.operations) check(o.op.security, ptr(o.pointer, 'security'));
  },
};
