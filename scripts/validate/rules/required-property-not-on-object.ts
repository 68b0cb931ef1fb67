import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** A schema `required` list appears only on object schemas. */
export const rule: Rule = {
  id: 'RequiredPropertyNotOnObject',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'A schema `required` list appears only on object schemas.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      const t = s.schema.type;
      if (Array.isArray(s.schema.required) && t !== undefined && t !== 'object')
        ctx.report({ message: `The property 'required' is applicable to schemas with 'object' type only and should be removed (type is ${JSON.stringify(t)}).`, pointer: ptr(s.pointer, 'required') });
    });
  },
};
