import type { Rule } from '../types';
import { refUses } from '../refs';

/** Nothing sits beside `$ref`. Annotation-only siblings (description, title, x-ms-*) on a property inside #/definitions are a warning: merged connectors (Actsoft, CDK Drive Service Vehicles) have them. */
export const rule: Rule = {
  id: 'AdditionalPropertyNotAllowedAdjacentToRef',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Nothing sits beside `$ref`. Annotation-only siblings (description, title, x-ms-*) on a property inside #/definitions are a warning: merged connectors (Actsoft, CDK Drive Service Vehicles) have them.",
  check(ctx) {
    for (const u of refUses(ctx.swagger)) {
      const extra = Object.keys(u.holder).filter((k) => k !== '$ref');
      if (extra.length === 0) continue;
      const annotationOnly = extra.every((k) => k === 'description' || k === 'title' || k.startsWith('x-ms-'));
      const inDefinitionProperty = /^\/definitions\/.+\/properties\/[^/]+$/.test(u.pointer);
      ctx.report({
        severity: annotationOnly && inDefinitionProperty ? 'warning' : 'error',
        message: `When '$ref' is defined, no other properties may be specified (found ${extra.map((k) => `'${k}'`).join(', ')}).`,
        pointer: u.pointer,
      });
    }
  },
};
