import type { Rule } from '../types';
import { ptr } from '../pointer';

/** `schemes`, when present, is not empty. */
export const rule: Rule = {
  id: 'SchemesArrayEmpty',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: '`schemes`, when present, is not empty.',
  check(ctx) {
    if (Array.isArray(ctx.swagger?.schemes) && ctx.swagger!.schemes.length === 0) ctx.report({ message: "The 'schemes' array requires at least one value.", pointer: '/schemes' });
    for (const o of ctx.operations)
      if (Array.isArray(o.op.schemes) && o.op.schemes.length === 0) ctx.report({ message: "The 'schemes' array requires at least one value.", pointer: ptr(o.pointer, 'schemes') });
  },
};
