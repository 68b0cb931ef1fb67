import type { Rule } from '../types';
import { walkSchemas } from '../swagger-walk';
import { CERTIFICATION_ONLY } from './evidence';

/** string/binary appears only at the top level of a body or formData parameter (or a response). */
export const rule: Rule = {
  id: 'InvalidStringBinaryProperty',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  evidence: { merged: 1, docs: CERTIFICATION_ONLY },
  file: 'apiDefinition.swagger.json',
  description: 'string/binary appears only at the top level of a body or formData parameter (or a response) (an error at --level certification; a warning at platform level).',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      if (s.schema.type === 'string' && s.schema.format === 'binary' && s.role === 'input' && s.depth > 0)
        ctx.report({ message: "A schema with type/format 'string/binary' can only be at the top level of a body or formData parameter.", pointer: s.pointer });
    });
  },
};
