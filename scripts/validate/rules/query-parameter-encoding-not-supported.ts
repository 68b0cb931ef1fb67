import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** Query parameters do not set x-ms-url-encoding (they are always single-encoded). */
export const rule: Rule = {
  id: 'QueryParameterEncodingNotSupported',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'Query parameters do not set x-ms-url-encoding (they are always single-encoded).',
  check(ctx) {
    const seen = new Set<string>();
    for (const o of ctx.operations) {
      for (const p of operationParams(ctx.swagger, o)) {
        if (p.param.in === 'query' && p.param['x-ms-url-encoding'] !== undefined && !seen.has(p.targetPointer)) {
          seen.add(p.targetPointer);
          ctx.report({
            message: `Encoding for query parameter '${String(p.param.name)}' is not supported. All query parameters are single encoded by default.`,
            pointer: ptr(p.pointer, 'x-ms-url-encoding'),
          });
        }
      }
    }
  },
};
