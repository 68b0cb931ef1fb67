import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** type 'file' appears only on formData parameters and at the root of a response schema. */
export const rule: Rule = {
  id: 'SchemaTypeFileNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "type 'file' appears only on formData parameters and at the root of a response schema.",
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      if (s.schema.type !== 'file') return;
      // A root #/definitions schema may be used as a response root through $ref: only flag nested or input uses.
      if (s.depth === 0 && s.role !== 'input') return;
      ctx.report({ message: "The schema type 'file' is not valid. Only parameters in 'formData' and the root response schema may be of type 'file'.", pointer: ptr(s.pointer, 'type') });
    });
  },
};
