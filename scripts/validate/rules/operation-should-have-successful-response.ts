import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Every operation has a 2xx response (or only `default`). */
export const rule: Rule = {
  id: 'OperationShouldHaveSuccessfulResponse',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'Every operation has a 2xx response (or only `default`).',
  check(ctx) {
    for (const o of ctx.operations) {
      const r = o.op.responses;
      if (!isObj(r)) continue;
      const codes = Object.keys(r).filter((k) => !k.startsWith('x-'));
      if (codes.length > 0 && !codes.some((c) => /^2\d\d$/.test(c) || c === 'default'))
        ctx.report({ message: `The operation '${String(o.op.operationId ?? o.path)}' should have at least one successful (2xx) response definition.`, pointer: ptr(o.pointer, 'responses') });
    }
  },
};
