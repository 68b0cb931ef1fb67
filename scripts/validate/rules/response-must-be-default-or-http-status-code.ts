import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Response keys are 'default' or an HTTP status code (100–599). */
export const rule: Rule = {
  id: 'ResponseMustBeDefaultOrHttpStatusCode',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Response keys are 'default' or an HTTP status code (100\u2013599).",
  check(ctx) {
    for (const o of ctx.operations) {
      const r = o.op.responses;
      if (!isObj(r)) continue;
      for (const k of Object.keys(r)) {
        if (k === 'default' || k.startsWith('x-')) continue;
        if (!/^[1-5]\d\d$/.test(k))
          ctx.report({ message: `The response '${k}' is not valid, the response must be a valid HTTP status code, or the string 'default'.`, pointer: ptr(o.pointer, 'responses', k) });
      }
    }
  },
};
