import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** enum and required arrays hold unique values. */
export const rule: Rule = {
  id: 'ArrayDuplicateValue',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'enum and required arrays hold unique values.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      for (const k of ['enum', 'required']) {
        const a = s.schema[k];
        if (!Array.isArray(a)) continue;
        const seen = new Set<string>();
        a.forEach((v, i) => {
          const key = JSON.stringify(v);
          if (seen.has(key)) ctx.report({ message: `The array contains duplicate values (${key}), values must be unique.`, pointer: ptr(s.pointer, k, i) });
          seen.add(key);
        });
      }
    });
  },
};
