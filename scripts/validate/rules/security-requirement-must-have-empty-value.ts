import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Non-OAuth security requirements use an empty scope array. */
export const rule: Rule = {
  id: 'SecurityRequirementMustHaveEmptyValue',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Non-OAuth security requirements use an empty scope array.",
  check(ctx) {
    const defs = isObj(ctx.swagger?.securityDefinitions) ? ctx.swagger!.securityDefinitions : {};
    const check = (sec: unknown, base: string) => {
      if (!Array.isArray(sec)) return;
      sec.forEach((req, i) => {
        if (!isObj(req)) return;
        for (const [name, scopes] of Object.entries(req)) {
          const d = defs[name];
          if (isObj(d) && d.type !== 'oauth2' && Array.isArray(scopes) && scopes.length > 0) ctx.report({ message: `The security requirement '${name}' cannot specify any scopes, an empty array should be provided.`, pointer: ptr(base, i, name) });
        }
      });
    };
    check(ctx.swagger?.security, '/security');
    for (const o of ctx.operations) check(o.op.security, ptr(o.pointer, 'security'));
  },
};
