import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** A #/parameters entry is not itself a `$ref`. */
export const rule: Rule = {
  id: 'ParameterRefLoopNotAllowed',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'A #/parameters entry is not itself a `$ref`.',
  check(ctx) {
    const defs = ctx.swagger?.parameters;
    if (!isObj(defs)) return;
    for (const [k, v] of Object.entries(defs))
      if (isObj(v) && typeof v.$ref === 'string') ctx.report({ message: `The parameter definition '${k}' may not use a '$ref' to point to another definition.`, pointer: ptr('/parameters', k) });
  },
};
