import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** info.title and info.description are written in English (heuristic: no letters outside the Latin script). */
export const rule: Rule = {
  id: 'ValueMustBeInEnglish',
  level: 'certification',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'info.title and info.description are written in English (heuristic: no letters outside the Latin script).',
  check(ctx) {
    const info = ctx.swagger?.info;
    if (!isObj(info)) return;
    for (const k of ['title', 'description']) {
      const v = info[k];
      if (typeof v === 'string' && [...v].some((c) => /\p{L}/u.test(c) && !/\p{Script=Latin}/u.test(c)))
        ctx.report({ message: `The '${k}' value must be written in English.`, pointer: ptr('/info', k) });
    }
  },
};
