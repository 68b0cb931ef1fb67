import type { Rule } from '../types';
import type { RuleContext } from '../types';
import { isObj, walkSchemas, operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** Each x-ms-enum-values entry has a displayName. */
export const rule: Rule = {
  id: 'MissingEnumValuesDisplayName',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Each x-ms-enum-values entry has a displayName.',
  check(ctx) {
    for (const u of enumValuesUses(ctx))
      u.list.forEach((e, i) => {
        if (!isObj(e) || typeof e.displayName !== 'string')
          ctx.report({ message: "The 'x-ms-enum-values' extension is invalid. Please specify the property 'displayName'.", pointer: ptr(u.pointer, i) });
      });
  },
};

/** Every x-ms-enum-values array with the enum beside it. */
export function enumValuesUses(ctx: RuleContext): Array<{ list: unknown[]; pointer: string; enumValues?: unknown[] }> {
  const out: Array<{ list: unknown[]; pointer: string; enumValues?: unknown[] }> = [];
  const add = (o: Record<string, unknown>, pointer: string) => {
    const list = o['x-ms-enum-values'];
    if (Array.isArray(list)) out.push({ list, pointer: ptr(pointer, 'x-ms-enum-values'), enumValues: Array.isArray(o.enum) ? o.enum : undefined });
  };
  walkSchemas(ctx.swagger, (s) => add(s.schema, s.pointer));
  const seen = new Set<string>();
  for (const o of ctx.operations)
    for (const p of operationParams(ctx.swagger, o))
      if (!seen.has(p.targetPointer)) {
        seen.add(p.targetPointer);
        add(p.param, p.targetPointer);
      }
  return out;
}
