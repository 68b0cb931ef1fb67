import type { Rule } from '../types';

/** `swagger` is "2.0" (OpenAPI 3 is rejected on import). */
export const rule: Rule = {
  id: 'SpecificationVersionIncorrect',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: '`swagger` is "2.0" (OpenAPI 3 is rejected on import).',
  check(ctx) {
    if (ctx.swagger && ctx.swagger.swagger !== '2.0')
      ctx.report({
        message: `The 'swagger' property must have the string value "2.0"${ctx.swagger.openapi ? ` (this is OpenAPI ${String(ctx.swagger.openapi)}, which Power Platform does not import)` : ''}.`,
        pointer: ctx.swagger.swagger === undefined ? '' : '/swagger',
      });
  },
};
