import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** x-ms-editor 'dictionary' is used only on object schemas that allow additional properties. */
export const rule: Rule = {
  id: 'InvalidCustomEditorExtensionDictionaryValue',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "x-ms-editor 'dictionary' is used only on object schemas that allow additional properties.",
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      if (s.schema['x-ms-editor'] !== 'dictionary') return;
      if ((s.schema.type !== undefined && s.schema.type !== 'object') || s.schema.additionalProperties === false)
        ctx.report({
          message: "The 'x-ms-editor' extension can be specified as 'dictionary' only for schema with type object and additional properties allowed.",
          pointer: ptr(s.pointer, 'x-ms-editor'),
        });
    });
  },
};
