import type { Rule } from '../types';

/** info.title ends with a letter or digit (no trailing punctuation, space or newline). */
export const rule: Rule = {
  id: 'ValueMustEndWithAlphanumeric',
  level: 'certification',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'info.title ends with a letter or digit (no trailing punctuation, space or newline).',
  check(ctx) {
    const t = (ctx.swagger?.info as Record<string, unknown> | undefined)?.title;
    if (typeof t === 'string' && !/[\p{L}\p{N}]$/u.test(t)) ctx.report({ message: "The 'title' value must end with alphanumeric character.", pointer: '/info/title' });
  },
};
