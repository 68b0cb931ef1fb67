import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';

/** At most one body parameter per operation. */
export const rule: Rule = {
  id: 'OperationParametersContainMultipleBodyParameters',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'At most one body parameter per operation.',
  check(ctx) {
    for (const o of ctx.operations) {
      const bodies = operationParams(ctx.swagger, o).filter((p) => p.param.in === 'body');
      if (bodies.length > 1)
        ctx.report({ message: `The operation '${String(o.op.operationId ?? o.path)}' contains multiple parameters in the location 'body', at most one is allowed.`, pointer: bodies[1]!.pointer });
    }
  },
};
