import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** No operation is in Production status while info x-ms-api-annotation status is Preview. */
export const rule: Rule = {
  id: 'OperationStatusAheadOfConnector',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'No operation is in Production status while info x-ms-api-annotation status is Preview.',
  check(ctx) {
    const info = ctx.swagger?.info;
    const status = isObj(info) && isObj(info['x-ms-api-annotation']) ? info['x-ms-api-annotation'].status : undefined;
    if (status !== 'Preview') return;
    for (const o of ctx.operations) {
      const a = o.op['x-ms-api-annotation'];
      if (isObj(a) && a.status === 'Production')
        ctx.report({
          message: `The operation '${String(o.op.operationId ?? o.path)}' cannot be in a Production status ahead of the connector.`,
          pointer: ptr(o.pointer, 'x-ms-api-annotation', 'status'),
        });
    }
  },
};
