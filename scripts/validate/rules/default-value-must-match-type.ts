import type { Rule } from '../types';
import { isObj, walkSchemas, operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** A parameter's or schema's 'default' matches its 'type'. */
export const rule: Rule = {
  id: 'DefaultValueMustMatchType',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "A parameter's or schema's 'default' matches its 'type'.",
  check(ctx) {
    const ok = (type: unknown, v: unknown): boolean => {
      switch (type) {
        case 'string': return typeof v === 'string';
        case 'integer': return typeof v === 'number' && Number.isInteger(v);
        case 'number': return typeof v === 'number';
        case 'boolean': return typeof v === 'boolean';
        case 'array': return Array.isArray(v);
        case 'object': return isObj(v);
        default: return true;
      }
    };
    const check = (o: Record<string, unknown>, pointer: string) => {
      if (o.default === undefined || o.default === null || typeof o.type !== 'string') return;
      if (ok(o.type, o.default)) return;
      // A numeric string for a number is coerced by the platform (LatinShare SHP Management, Rarible): warn.
      const coercible = typeof o.default === 'string' && (o.type === 'integer' || o.type === 'number') && o.default.trim() !== '' && !Number.isNaN(Number(o.default));
      ctx.report({ severity: coercible ? 'warning' : 'error', message: `The 'default' value is of type '${Array.isArray(o.default) ? 'array' : typeof o.default}', but should match the given type '${o.type}'.`, pointer: ptr(pointer, 'default') });
    };
    walkSchemas(ctx.swagger, (s) => check(s.schema, s.pointer));
    const seen = new Set<string>();
    for (const o of ctx.operations) for (const p of operationParams(ctx.swagger, o)) if (!seen.has(p.targetPointer)) { seen.add(p.targetPointer); check(p.param, p.pointer); }
  },
};
