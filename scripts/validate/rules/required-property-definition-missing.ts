import type { Rule } from '../types';
import { isObj, walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** Every name in a schema's `required` list is defined in its `properties`. */
export const rule: Rule = {
  id: 'RequiredPropertyDefinitionMissing',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Every name in a schema's `required` list is defined in its `properties`.",
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      const req = s.schema.required;
      if (!Array.isArray(req) || !isObj(s.schema.properties) || s.schema.allOf !== undefined || s.schema.additionalProperties !== undefined) return;
      const props = s.schema.properties;
      req.forEach((name, i) => {
        if (typeof name === 'string' && !Object.prototype.hasOwnProperty.call(props, name))
          ctx.report({ message: `The required property '${name}' is not defined in the object schema.`, pointer: ptr(s.pointer, 'required', i) });
      });
    });
  },
};
