import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Every operation defines at least one response (an empty `responses` object is a warning: merged connectors have it). */
export const rule: Rule = {
  id: 'OperationMustHaveResponse',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Every operation defines at least one response (an empty `responses` object is a warning: merged connectors have it).',
  check(ctx) {
    for (const o of ctx.operations) {
      const r = o.op.responses;
      if (!isObj(r)) ctx.report({ message: `The operation ${o.method.toUpperCase()} ${o.path} is not valid, it must contain at least one response definition.`, pointer: o.pointer });
      else if (Object.keys(r).filter((k) => !k.startsWith('x-')).length === 0)
        ctx.report({
          severity: 'warning',
          message: `The operation ${o.method.toUpperCase()} ${o.path} has an empty 'responses' object; define at least one response.`,
          pointer: ptr(o.pointer, 'responses'),
        });
    }
  },
};
