import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** A definition is not just a `$ref` to another definition. */
export const rule: Rule = {
  id: 'SchemaRefLoopNotAllowed',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'A definition is not just a `$ref` to another definition.',
  check(ctx) {
    const defs = ctx.swagger?.definitions;
    if (!isObj(defs)) return;
    for (const [k, v] of Object.entries(defs))
      if (isObj(v) && typeof v.$ref === 'string') ctx.report({ message: `The schema definition '${k}' may not use a '$ref' to point to another definition.`, pointer: ptr('/definitions', k) });
  },
};
