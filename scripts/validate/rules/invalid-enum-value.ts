import type { Rule } from '../types';
import { walkSchemas, operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** Every enum value has the schema's or parameter's type. */
export const rule: Rule = {
  id: 'InvalidEnumValue',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Every enum value has the schema\'s or parameter\'s type (a coercible string such as "true" for a boolean is a warning: merged StaffCircle has them).',
  check(ctx) {
    const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
    const fits = (type: string, v: unknown) => {
      const t = typeOf(v);
      return t === type || (type === 'number' && t === 'integer') || v === null;
    };
    const check = (o: Record<string, unknown>, pointer: string) => {
      if (!Array.isArray(o.enum) || typeof o.type !== 'string' || !['string', 'integer', 'number', 'boolean'].includes(o.type)) return;
      o.enum.forEach((v, i) => {
        if (fits(o.type as string, v)) return;
        // A string the platform coerces ("true" for a boolean, "5" for a number) is a warning: merged StaffCircle has them.
        const coercible = typeof v === 'string' && (o.type === 'boolean' ? v === 'true' || v === 'false' : o.type !== 'string' && v.trim() !== '' && !Number.isNaN(Number(v)));
        ctx.report({
          severity: coercible ? 'warning' : 'error',
          message: `The type of the enum value ${JSON.stringify(v)} is '${typeOf(v)}' but it should be '${String(o.type)}' as specified in the schema.`,
          pointer: ptr(pointer, 'enum', i),
        });
      });
    };
    walkSchemas(ctx.swagger, (s) => check(s.schema, s.pointer));
    const seen = new Set<string>();
    for (const o of ctx.operations)
      for (const p of operationParams(ctx.swagger, o))
        if (!seen.has(p.targetPointer)) {
          seen.add(p.targetPointer);
          check(p.param, p.targetPointer);
        }
  },
};
