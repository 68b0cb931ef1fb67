import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Path-item parameters have unique name+location. */
export const rule: Rule = {
  id: 'PathParametersContainDuplicateParameter',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Path-item parameters have unique name+location.',
  check(ctx) {
    const paths = ctx.swagger?.paths;
    if (!isObj(paths)) return;
    for (const [path, item] of Object.entries(paths)) {
      if (!isObj(item) || !Array.isArray(item.parameters)) continue;
      const seen = new Set<string>();
      item.parameters.forEach((raw, i) => {
        const p = ctx.deref(raw);
        if (!isObj(p)) return;
        const key = `${String(p.in)}\u0000${String(p.name)}`;
        if (seen.has(key))
          ctx.report({ message: `The path '${path}' contains duplicate parameters with name '${String(p.name)}', location '${String(p.in)}'.`, pointer: ptr('/paths', path, 'parameters', i) });
        seen.add(key);
      });
    }
  },
};
