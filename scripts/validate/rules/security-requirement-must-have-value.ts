import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Every security requirement has an array value (empty when no scopes). */
export const rule: Rule = {
  id: 'SecurityRequirementMustHaveValue',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Every security requirement has an array value (empty when no scopes).",
  check(ctx) {
    const check = (sec: unknown, base: string) => {
      if (!Array.isArray(sec)) return;
      sec.forEach((req, i) => {
        if (!isObj(req)) return;
        for (const [name, v] of Object.entries(req)) if (!Array.isArray(v)) ctx.report({ message: `The security requirement '${name}' must have have a value. Provide an empty array if no OAuth scopes are required.`, pointer: ptr(base, i, name) });
      });
    };
    check(ctx.swagger?.security, '/security');
    for (const o of ctx.operations) check(o.op.security, ptr(o.pointer, 'security'));
  },
};
