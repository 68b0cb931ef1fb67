import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Paths are unique when compared case-insensitively. */
export const rule: Rule = {
  id: 'PathRedefined',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Paths are unique when compared case-insensitively.',
  check(ctx) {
    const seen = new Map<string, string>();
    for (const p of Object.keys(isObj(ctx.swagger?.paths) ? ctx.swagger!.paths : {})) {
      const k = p.toLowerCase();
      const first = seen.get(k);
      if (first !== undefined)
        ctx.report({
          message: `The path '${p}' is defined multiple times with different capitalization ('${first}'). Paths must be unique when compared case-insensitively.`,
          pointer: ptr('/paths', p),
        });
      else seen.set(k, p);
    }
  },
};
