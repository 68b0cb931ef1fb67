import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** An operation with a success schema defines it on 200 or 201 (or, for a webhook, in x-ms-notification-content) so the designer shows it. */
export const rule: Rule = {
  id: 'SchemaDefinitionSetIncorrectly',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'An operation with a success schema defines it on 200 or 201 (or, for a webhook, in x-ms-notification-content) so the designer shows it.',
  check(ctx) {
    for (const o of ctx.operations) {
      const r = o.op.responses;
      if (!isObj(r)) continue;
      const hasSchema = (code: string) => {
        const x = ctx.deref(r[code]);
        return isObj(x) && isObj(x.schema);
      };
      const others = Object.keys(r).filter((k) => /^2\d\d$/.test(k) && k !== '200' && k !== '201' && hasSchema(k));
      if (others.length && !hasSchema('200') && !hasSchema('201'))
        ctx.report({
          message: `The operation '${String(o.op.operationId ?? o.path)}' should define an output schema on the 200 or 201 response code (found it on ${others.join(', ')}) or in 'x-ms-notification-content' extension for a webhook to be visible in the designer.`,
          pointer: ptr(o.pointer, 'responses'),
        });
    }
  },
};
