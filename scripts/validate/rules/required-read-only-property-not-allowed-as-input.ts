import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';

/** An input schema property is not both readOnly and required. */
export const rule: Rule = {
  id: 'RequiredReadOnlyPropertyNotAllowedAsInput',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'An input schema property is not both readOnly and required.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      if (s.role !== 'input' || !s.parent || !s.propName || s.schema.readOnly !== true) return;
      if (Array.isArray(s.parent.required) && s.parent.required.includes(s.propName))
        ctx.report({ message: `An input property cannot be 'readonly' and required ('${s.propName}').`, pointer: s.pointer });
    });
  },
};
