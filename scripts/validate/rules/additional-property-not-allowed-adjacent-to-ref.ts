import type { Rule } from '../types';
import { refUses } from '../refs';
import { CERTIFICATION_ONLY } from './evidence';

/** Nothing sits beside `$ref` (JSON Reference: siblings of `$ref` are ignored, so they never take effect). */
export const rule: Rule = {
  id: 'AdditionalPropertyNotAllowedAdjacentToRef',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  evidence: { merged: 19, docs: `${CERTIFICATION_ONLY}. Swagger 2.0 (JSON Reference) ignores every key beside $ref, so the import loses only the annotation` },
  file: 'apiDefinition.swagger.json',
  description: 'Nothing sits beside `$ref` (an error at --level certification; a warning at platform level: the keys beside `$ref` are ignored).',
  check(ctx) {
    for (const u of refUses(ctx.swagger)) {
      const extra = Object.keys(u.holder).filter((k) => k !== '$ref');
      if (extra.length === 0) continue;
      ctx.report({
        message: `When '$ref' is defined, no other properties may be specified (found ${extra.map((k) => `'${k}'`).join(', ')}).`,
        pointer: u.pointer,
      });
    }
  },
};
