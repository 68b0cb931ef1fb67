import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Every {variable} of a path is closed and inside one URL segment. */
export const rule: Rule = {
  id: 'OperationPathTemplateNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Every {variable} of a path is closed and inside one URL segment.',
  check(ctx) {
    for (const p of Object.keys(isObj(ctx.swagger?.paths) ? ctx.swagger!.paths : {})) {
      const stripped = p.replace(/\{[^{}/]+\}/g, '');
      if (/[{}]/.test(stripped))
        ctx.report({
          message: `The path '${p}' is not valid, each path template variable enclosed by '{' and '}' characters must be contained within a single URL segment.`,
          pointer: ptr('/paths', p),
        });
    }
  },
};
