import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';

/** An internal parameter with a default value is required (optional internal parameters are ignored). */
export const rule: Rule = {
  id: 'PropertyMustBeRequired',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'An internal parameter with a default value is required (optional internal parameters are ignored).',
  check(ctx) {
    const seen = new Set<string>();
    for (const o of ctx.operations) {
      for (const p of operationParams(ctx.swagger, o)) {
        if (seen.has(p.targetPointer)) continue;
        seen.add(p.targetPointer);
        if (p.param['x-ms-visibility'] === 'internal' && p.param.default !== undefined && p.param.required !== true)
          ctx.report({ message: `The parameter '${String(p.param.name)}' is internal and has a default value, it must be required. Optional internal fields are ignored.`, pointer: p.pointer });
      }
    }
  },
};
