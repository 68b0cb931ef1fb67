import type { Rule } from '../types';
import { isObj, walkSchemas, operationParams } from '../swagger-walk';
import { ptr } from '../pointer';
import { CERTIFICATION_ONLY } from './evidence';

/** A parameter's or schema's 'default' matches its 'type'. */
export const rule: Rule = {
  id: 'DefaultValueMustMatchType',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  evidence: {
    merged: 13,
    docs: `${CERTIFICATION_ONLY}. Only defaults written as a string the type parses ("true"/"false" for a boolean, "5" for a number) are lowered; any other mismatch stays an error at every level`,
  },
  file: 'apiDefinition.swagger.json',
  description:
    "A parameter's or schema's 'default' matches its 'type' (a string the type parses, such as \"true\" for a boolean or \"5\" for a number, is an error at --level certification and a warning at platform level).",
  check(ctx) {
    const ok = (type: unknown, v: unknown): boolean => {
      switch (type) {
        case 'string':
          return typeof v === 'string';
        case 'integer':
          return typeof v === 'number' && Number.isInteger(v);
        case 'number':
          return typeof v === 'number';
        case 'boolean':
          return typeof v === 'boolean';
        case 'array':
          return Array.isArray(v);
        case 'object':
          return isObj(v);
        default:
          return true;
      }
    };
    const parses = (type: unknown, v: string): boolean => {
      const t = v.trim();
      if (type === 'boolean') return t === 'true' || t === 'false';
      if (type === 'number') return t !== '' && !Number.isNaN(Number(t));
      if (type === 'integer') return t !== '' && Number.isInteger(Number(t));
      return false;
    };
    const check = (o: Record<string, unknown>, pointer: string) => {
      if (o.default === undefined || o.default === null || typeof o.type !== 'string') return;
      if (ok(o.type, o.default)) return;
      // The designer shows a default as text and the value is serialized from that text: a string the type parses
      // reaches the API as the intended value. Anything else sends a value of the wrong type.
      const coercible = typeof o.default === 'string' && parses(o.type, o.default);
      ctx.report({
        severity: coercible ? undefined : 'error',
        message: `The 'default' value is of type '${Array.isArray(o.default) ? 'array' : typeof o.default}', but should match the given type '${o.type}'.`,
        pointer: ptr(pointer, 'default'),
      });
    };
    walkSchemas(ctx.swagger, (s) => check(s.schema, s.pointer));
    const seen = new Set<string>();
    for (const o of ctx.operations)
      for (const p of operationParams(ctx.swagger, o))
        if (!seen.has(p.targetPointer)) {
          seen.add(p.targetPointer);
          check(p.param, p.pointer);
        }
  },
};
