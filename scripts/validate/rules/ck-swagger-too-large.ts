import type { Rule } from '../types';

/** apiDefinition.swagger.json is at most 1 MB (hard import and certification limit; Microsoft publishes no rule id). */
export const rule: Rule = {
  id: 'CkSwaggerTooLarge',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "apiDefinition.swagger.json is at most 1 MB (hard import and certification limit; Microsoft publishes no rule id).",
  check(ctx) {
    const f = ctx.files['apiDefinition.swagger.json'];
    if (f && f.raw.length > 1024 * 1024) ctx.report({ message: `The swagger is ${(f.raw.length / 1024 / 1024).toFixed(2)} MB; Power Platform imports at most 1 MB. Split the API into several connectors.`, pointer: '' });
  },
};
