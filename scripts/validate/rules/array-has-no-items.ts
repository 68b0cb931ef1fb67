import type { Rule } from '../types';
import { walkSchemas, operationParams } from '../swagger-walk';

/** Array schemas and parameters specify `items` (a warning: merged connectors omit it). */
export const rule: Rule = {
  id: 'ArrayHasNoItems',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'Array schemas and parameters specify `items` (a warning: merged connectors omit it).',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      if (s.schema.type === 'array' && s.schema.items === undefined) ctx.report({ message: 'The array should have items specified.', pointer: s.pointer });
    });
    const seen = new Set<string>();
    for (const o of ctx.operations)
      for (const p of operationParams(ctx.swagger, o)) {
        if (seen.has(p.targetPointer)) continue;
        seen.add(p.targetPointer);
        if (p.param.type === 'array' && p.param.items === undefined) ctx.report({ message: 'The array should have items specified.', pointer: p.pointer });
      }
  },
};
