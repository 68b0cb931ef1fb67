import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';

/** Operations consuming application/x-www-form-urlencoded have no string/binary parameters. */
export const rule: Rule = {
  id: 'StringBinaryNotSupportedForFormUrlEncoded',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Operations consuming application/x-www-form-urlencoded have no string/binary parameters.',
  check(ctx) {
    for (const o of ctx.operations) {
      const consumes = o.op.consumes ?? ctx.swagger?.consumes;
      if (!Array.isArray(consumes) || !consumes.some((c) => typeof c === 'string' && c.startsWith('application/x-www-form-urlencoded'))) continue;
      for (const p of operationParams(ctx.swagger, o)) {
        if (p.param.type === 'string' && p.param.format === 'binary')
          ctx.report({
            message: `String/binary parameters are not supported for operation '${String(o.op.operationId ?? o.path)}' with 'application/x-www-form-urlencoded' consumes type.`,
            pointer: p.pointer,
          });
      }
    }
  },
};
