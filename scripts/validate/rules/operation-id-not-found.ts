import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';
import { dynamicUses, operationById } from '../dynamic';

/** Every operationId referenced by x-ms-dynamic-values/-list/-schema/-properties, x-ms-notification and x-ms-capabilities exists. */
export const rule: Rule = {
  id: 'OperationIdNotFound',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Every operationId referenced by x-ms-dynamic-values/-list/-schema/-properties, x-ms-notification and x-ms-capabilities exists.',
  check(ctx) {
    const check = (id: unknown, pointer: string) => {
      if (typeof id === 'string' && !operationById(ctx, id)) ctx.report({ message: `The 'operationId' '${id}' could not be found in this swagger document.`, pointer });
    };
    for (const d of dynamicUses(ctx)) check(d.value.operationId, ptr(d.pointer, 'operationId'));
    for (const o of ctx.operations) {
      const n = o.op['x-ms-notification'];
      if (isObj(n)) check(n.operationId, ptr(o.pointer, 'x-ms-notification', 'operationId'));
    }
    const caps = ctx.swagger?.['x-ms-capabilities'];
    if (isObj(caps) && isObj(caps.testConnection)) check(caps.testConnection.operationId, '/x-ms-capabilities/testConnection/operationId');
  },
};
