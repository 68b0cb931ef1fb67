import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Response `examples` are keyed by MIME types the operation produces. */
export const rule: Rule = {
  id: 'ResponseExampleMustBeProducedByOperation',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Response `examples` are keyed by MIME types the operation produces.',
  check(ctx) {
    for (const o of ctx.operations) {
      const produces = o.op.produces ?? ctx.swagger?.produces;
      if (!Array.isArray(produces)) continue;
      const r = o.op.responses;
      if (!isObj(r)) continue;
      for (const [code, resp] of Object.entries(r)) {
        const ex = isObj(resp) ? resp.examples : undefined;
        if (!isObj(ex)) continue;
        for (const mime of Object.keys(ex))
          if (!produces.includes(mime))
            ctx.report({
              message: `The response example '${mime}' is not produced by the operation '${String(o.op.operationId ?? o.path)}'.`,
              pointer: ptr(o.pointer, 'responses', code, 'examples', mime),
            });
      }
    }
  },
};
