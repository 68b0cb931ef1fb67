import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';

/** Path parameters set x-ms-url-encoding (a warning, as Microsoft assigns it). */
export const rule: Rule = {
  id: 'PathParameterMissingEncoding',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'Path parameters set x-ms-url-encoding (a warning, as Microsoft assigns it).',
  check(ctx) {
    const seen = new Set<string>();
    for (const o of ctx.operations) {
      for (const p of operationParams(ctx.swagger, o)) {
        if (p.param.in === 'path' && p.param['x-ms-url-encoding'] === undefined && !seen.has(p.targetPointer)) {
          seen.add(p.targetPointer);
          ctx.report({
            message: `Encoding for path parameter '${String(p.param.name)}' is missing, which might lead to invalid requests. Use "x-ms-url-encoding": "single" to ensure the value is URL encoded.`,
            pointer: p.pointer,
          });
        }
      }
    }
  },
};
