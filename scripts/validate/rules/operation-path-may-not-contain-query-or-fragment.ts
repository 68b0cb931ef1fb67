import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Paths contain no '?' or '#' (URL-encode them). */
export const rule: Rule = {
  id: 'OperationPathMayNotContainQueryOrFragment',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Paths contain no '?' or '#' (URL-encode them).",
  check(ctx) {
    for (const p of Object.keys(isObj(ctx.swagger?.paths) ? ctx.swagger!.paths : {})) {
      if (/[?#]/.test(p))
        ctx.report({
          message: `The path '${p}' is not valid, it must not contain a query part or fragment identifier. To include '?' or '#' characters in the path, they must be URL encoded.`,
          pointer: ptr('/paths', p),
        });
    }
  },
};
