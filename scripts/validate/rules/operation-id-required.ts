import type { Rule } from '../types';

/** Every operation has an operationId. */
export const rule: Rule = {
  id: 'OperationIdRequired',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Every operation has an operationId.',
  check(ctx) {
    for (const o of ctx.operations) {
      if (typeof o.op.operationId !== 'string' || o.op.operationId.trim() === '')
        ctx.report({ message: `The operation ${o.method.toUpperCase()} ${o.path} has no 'operationId' property.`, pointer: o.pointer });
    }
  },
};
