import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Path-item parameters hold at most one body parameter. */
export const rule: Rule = {
  id: 'PathParametersContainMultipleBodyParameters',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Path-item parameters hold at most one body parameter.',
  check(ctx) {
    const paths = ctx.swagger?.paths;
    if (!isObj(paths)) return;
    for (const [path, item] of Object.entries(paths)) {
      if (!isObj(item) || !Array.isArray(item.parameters)) continue;
      let bodies = 0;
      item.parameters.forEach((raw, i) => {
        const p = ctx.deref(raw);
        if (isObj(p) && p.in === 'body' && ++bodies === 2)
          ctx.report({ message: `The path '${path}' contains multiple parameters in the location 'body', at most one is allowed.`, pointer: ptr('/paths', path, 'parameters', i) });
      });
    }
  },
};
