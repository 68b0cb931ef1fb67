import type { Rule } from '../types';
import type { RuleContext } from '../types';
import { isObj, operationParams } from '../swagger-walk';
import { dynamicUses, type DynamicUse } from '../dynamic';

/** An x-ms-dynamic-values whose parameters reference body properties (not operation parameters) has an x-ms-dynamic-list beside it. */
export const rule: Rule = {
  id: 'DynamicListExtensionRequiredForNonParameterReferences',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'An x-ms-dynamic-values whose parameters reference body properties (not operation parameters) has an x-ms-dynamic-list beside it.',
  check(ctx) {
    for (const d of dynamicUses(ctx)) {
      if (d.key !== 'x-ms-dynamic-values' || d.holder['x-ms-dynamic-list'] !== undefined) continue;
      const refs = nonParameterRefs(ctx, d);
      if (refs.length)
        ctx.report({
          message: `The 'x-ms-dynamic-values' extension references properties within parameters (${refs.join(', ')}). You need to define the 'x-ms-dynamic-list' extension.`,
          pointer: d.pointer,
        });
    }
  },
};

/** Names a {parameter: name} reference uses that are not parameters of the operation (i.e. body properties). */
export function nonParameterRefs(ctx: RuleContext, d: DynamicUse): string[] {
  if (!d.op || !isObj(d.value.parameters)) return [];
  const names = new Set(operationParams(ctx.swagger, d.op).map((p) => String(p.param.name)));
  const out: string[] = [];
  for (const v of Object.values(d.value.parameters)) {
    if (isObj(v) && typeof v.parameter === 'string' && !names.has(v.parameter)) out.push(v.parameter);
  }
  return out;
}
