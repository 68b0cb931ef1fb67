import type { Rule } from '../types';
import { isObj, walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** An 'enum' array has at least one value. */
export const rule: Rule = {
  id: 'EnumMustContainAtLeastOneElement',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "An 'enum' array has at least one value.",
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      if (Array.isArray(s.schema.enum) && s.schema.enum.length === 0) ctx.report({ message: "The 'enum' array requires at least one value.", pointer: ptr(s.pointer, 'enum') });
    });
    for (const o of ctx.operations) {
      if (!Array.isArray(o.op.parameters)) continue;
      o.op.parameters.forEach((p, i) => {
        if (isObj(p) && Array.isArray(p.enum) && p.enum.length === 0) ctx.report({ message: "The 'enum' array requires at least one value.", pointer: ptr(o.pointer, 'parameters', i, 'enum') });
      });
    }
  },
};
