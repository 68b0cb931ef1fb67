import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** Body parameters use `schema`, not type/format/items/enum/default. */
export const rule: Rule = {
  id: 'BodyParameterPropertyNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Body parameters use `schema`, not type/format/items/enum/default.',
  check(ctx) {
    const seen = new Set<string>();
    for (const o of ctx.operations)
      for (const p of operationParams(ctx.swagger, o)) {
        if (seen.has(p.targetPointer) || p.param.in !== 'body') continue;
        seen.add(p.targetPointer);
        for (const k of ['type', 'format', 'items', 'collectionFormat', 'enum', 'default'])
          if (p.param[k] !== undefined)
            ctx.report({
              message: `The 'body' parameter cannot use property '${k}', instead, the 'schema' property should be used to define the type used by the parameter.`,
              pointer: ptr(p.pointer, k),
            });
      }
  },
};
