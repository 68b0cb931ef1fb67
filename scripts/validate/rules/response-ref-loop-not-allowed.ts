import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** A #/responses entry is not itself a `$ref`. */
export const rule: Rule = {
  id: 'ResponseRefLoopNotAllowed',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'A #/responses entry is not itself a `$ref`.',
  check(ctx) {
    const defs = ctx.swagger?.responses;
    if (!isObj(defs)) return;
    for (const [k, v] of Object.entries(defs))
      if (isObj(v) && typeof v.$ref === 'string') ctx.report({ message: `The response definition '${k}' may not use a '$ref' to point to another definition.`, pointer: ptr('/responses', k) });
  },
};
