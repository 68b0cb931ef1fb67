import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';

/** An internal schema property with a default is required (optional internal fields are not sent). */
export const rule: Rule = {
  id: 'InternalPropertyWithDefaultOptional',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'An internal schema property with a default is required (optional internal fields are not sent).',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      if (!s.parent || !s.propName || s.schema['x-ms-visibility'] !== 'internal' || s.schema.default === undefined) return;
      if (!(Array.isArray(s.parent.required) && s.parent.required.includes(s.propName)))
        ctx.report({ message: `The internal property '${s.propName}' has a default value but is optional. Only required properties are guaranteed to be included in requests.`, pointer: s.pointer });
    });
  },
};
