import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** No `"required": []` in schemas. */
export const rule: Rule = {
  id: 'RequiredPropertyArrayEmpty',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'No `"required": []` in schemas.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      if (Array.isArray(s.schema.required) && s.schema.required.length === 0)
        ctx.report({ message: "The 'required' array requires at least one value. If no properties are required in the schema, remove the 'required' property.", pointer: ptr(s.pointer, 'required') });
    });
  },
};
