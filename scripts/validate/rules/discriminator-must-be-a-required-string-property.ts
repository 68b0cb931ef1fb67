import type { Rule } from '../types';
import { isObj, walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** A `discriminator` names a required string property. */
export const rule: Rule = {
  id: 'DiscriminatorMustBeARequiredStringProperty',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "A `discriminator` names a required string property.",
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      const d = s.schema.discriminator;
      if (typeof d !== 'string') return;
      const prop = isObj(s.schema.properties) ? ctx.deref((s.schema.properties as Record<string, unknown>)[d]) : undefined;
      const required = Array.isArray(s.schema.required) && s.schema.required.includes(d);
      if (!isObj(prop) || prop.type !== 'string' || !required) ctx.report({ message: `The 'discriminator' value '${d}' must be the name of a required string property.`, pointer: ptr(s.pointer, 'discriminator') });
    });
  },
};
