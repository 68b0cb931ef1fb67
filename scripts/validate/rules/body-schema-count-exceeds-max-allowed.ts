import type { Rule } from '../types';
import type { RuleContext } from '../types';
import { isObj, operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** A body (request or response) has at most 512 schemas with `$ref`s expanded. */
export const rule: Rule = {
  id: 'BodySchemaCountExceedsMaxAllowed',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'A body (request or response) has at most 512 schemas with `$ref`s expanded.',
  check(ctx) {
    for (const o of ctx.operations) {
      for (const p of operationParams(ctx.swagger, o)) {
        if (p.param.in !== 'body') continue;
        const n = countSchemas(ctx, p.param.schema, 512);
        if (n > 512)
          ctx.report({
            message: `The total number of schemas in the body of '${String(o.op.operationId ?? o.path)}' exceeds the max schema count allowed value of '512'. Please remove any unnecessary property or item definitions.`,
            pointer: p.pointer,
          });
      }
      const r = o.op.responses;
      if (isObj(r))
        for (const [code, resp] of Object.entries(r)) {
          const rr = ctx.deref(resp);
          if (!isObj(rr) || !isObj(rr.schema)) continue;
          if (countSchemas(ctx, rr.schema, 512) > 512)
            ctx.report({
              message: `The total number of schemas in the '${code}' response of '${String(o.op.operationId ?? o.path)}' exceeds the max schema count allowed value of '512'.`,
              pointer: ptr(o.pointer, 'responses', code),
            });
        }
    }
  },
};

/** Counts schema nodes of a schema with `$ref`s expanded (a ref already on the current path counts once). */
export function countSchemas(ctx: RuleContext, s: unknown, limit: number, stack: string[] = []): number {
  if (!isObj(s)) return 0;
  if (typeof s.$ref === 'string') {
    if (stack.includes(s.$ref)) return 1;
    return countSchemas(ctx, ctx.resolveRef(s.$ref), limit, [...stack, s.$ref]);
  }
  let n = 1;
  const kids: unknown[] = [];
  if (isObj(s.properties)) kids.push(...Object.values(s.properties));
  if (isObj(s.items)) kids.push(s.items);
  if (isObj(s.additionalProperties)) kids.push(s.additionalProperties);
  if (Array.isArray(s.allOf)) kids.push(...s.allOf);
  for (const k of kids) {
    if (n > limit) break;
    n += countSchemas(ctx, k, limit, stack);
  }
  return n;
}
