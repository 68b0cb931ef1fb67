import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Response header names are unique ignoring case. */
export const rule: Rule = {
  id: 'ResponseHeadersAreNotUnique',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Response header names are unique ignoring case.',
  check(ctx) {
    for (const o of ctx.operations) {
      const r = o.op.responses;
      if (!isObj(r)) continue;
      for (const [code, resp] of Object.entries(r)) {
        const h = isObj(resp) ? resp.headers : undefined;
        if (!isObj(h)) continue;
        const seen = new Set<string>();
        for (const name of Object.keys(h)) {
          if (seen.has(name.toLowerCase())) ctx.report({ message: `The response headers are not unique ('${name}').`, pointer: ptr(o.pointer, 'responses', code, 'headers', name) });
          seen.add(name.toLowerCase());
        }
      }
    }
  },
};
