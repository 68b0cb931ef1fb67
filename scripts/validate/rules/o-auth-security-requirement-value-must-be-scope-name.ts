import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** OAuth security requirements name only scopes defined in the securityDefinitions entry. */
export const rule: Rule = {
  id: 'OAuthSecurityRequirementValueMustBeScopeName',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "OAuth security requirements name only scopes defined in the securityDefinitions entry.",
  check(ctx) {
    const defs = isObj(ctx.swagger?.securityDefinitions) ? ctx.swagger!.securityDefinitions : {};
    const check = (sec: unknown, base: string) => {
      if (!Array.isArray(sec)) return;
      sec.forEach((req, i) => {
        if (!isObj(req)) return;
        for (const [name, scopes] of Object.entries(req)) {
          const d = defs[name];
          if (!isObj(d) || d.type !== 'oauth2' || !Array.isArray(scopes)) continue;
          const known = isObj(d.scopes) ? d.scopes : {};
          for (const sc of scopes) if (typeof sc === 'string' && !(sc in known)) ctx.report({ message: `The OAuth security requirement '${name}' refers to scope name '${sc}', but this is not defined in the 'securityDefinitions' object.`, pointer: ptr(base, i, name) });
        }
      });
    };
    check(ctx.swagger?.security, '/security');
    for (const o of ctx.operations) check(o.op.security, ptr(o.pointer, 'security'));
  },
};
