import type { Rule } from '../types';

/** The host is a production host (no staging/dev/test/localhost hosts). */
export const rule: Rule = {
  id: 'CkProductionHost',
  level: 'certification',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'The host is a production host (no staging/dev/test/localhost hosts).',
  check(ctx) {
    const h = ctx.swagger?.host;
    if (typeof h === 'string' && /(^|[.-])(staging|stage|dev|test|localhost|sandbox)([.-]|$)|^127\.|^localhost/i.test(h))
      ctx.report({ message: `The host '${h}' looks like a non-production host; certified connectors must point at production.`, pointer: '/host' });
  },
};
