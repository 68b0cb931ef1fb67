import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';

/** Every {name} of the path template has an `in: path` parameter. */
export const rule: Rule = {
  id: 'OperationMissingPathParameter',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Every {name} of the path template has an `in: path` parameter.',
  check(ctx) {
    for (const o of ctx.operations) {
      const names = new Set(
        operationParams(ctx.swagger, o)
          .filter((p) => p.param.in === 'path')
          .map((p) => p.param.name),
      );
      for (const m of o.path.matchAll(/\{([^{}]+)\}/g)) {
        if (!names.has(m[1]))
          ctx.report({ message: `The operation '${String(o.op.operationId ?? o.path)}' does not define the '${m[1]}' parameter which is required by the path.`, pointer: o.pointer });
      }
    }
  },
};
