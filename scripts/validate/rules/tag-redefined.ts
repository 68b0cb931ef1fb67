import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** The root 'tags' list defines each tag once. */
export const rule: Rule = {
  id: 'TagRedefined',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "The root 'tags' list defines each tag once.",
  check(ctx) {
    const tags = ctx.swagger?.tags;
    if (!Array.isArray(tags)) return;
    const seen = new Set<string>();
    tags.forEach((t, i) => {
      const name = isObj(t) ? String(t.name) : String(t);
      if (seen.has(name)) ctx.report({ message: `The 'tags' property defines tag '${name}' multiple times.`, pointer: ptr('/tags', i) });
      seen.add(name);
    });
  },
};
