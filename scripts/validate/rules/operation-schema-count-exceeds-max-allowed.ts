import type { Rule } from '../types';
import { isObj, operationParams } from '../swagger-walk';
import { countSchemas } from './body-schema-count-exceeds-max-allowed';

/** An operation's inputs and outputs hold at most 16,384 schemas with `$ref`s expanded. */
export const rule: Rule = {
  id: 'OperationSchemaCountExceedsMaxAllowed',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "An operation's inputs and outputs hold at most 16,384 schemas with `$ref`s expanded.",
  check(ctx) {
    const LIMIT = 16384;
    for (const o of ctx.operations) {
      let n = 0;
      for (const p of operationParams(ctx.swagger, o)) if (isObj(p.param.schema)) n += countSchemas(ctx, p.param.schema, LIMIT);
      const r = o.op.responses;
      if (isObj(r))
        for (const resp of Object.values(r)) {
          const rr = ctx.deref(resp);
          if (isObj(rr) && isObj(rr.schema)) n += countSchemas(ctx, rr.schema, LIMIT);
        }
      if (n > LIMIT)
        ctx.report({
          message: `The total number of schemas in the operation '${String(o.op.operationId ?? o.path)}' has exceeded the maximum allowed value of '${LIMIT}'. Please remove any unnecessary property or item definitions.`,
          pointer: o.pointer,
        });
    }
  },
};
