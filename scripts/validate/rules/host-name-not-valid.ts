import type { Rule } from '../types';

/** `host` is a host name (optionally :port) without scheme or path. */
export const rule: Rule = {
  id: 'HostNameNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "`host` is a host name (optionally :port) without scheme or path.",
  check(ctx) {
    const h = ctx.swagger?.host;
    if (h !== undefined && (typeof h !== 'string' || !/^[^{}/ :\\?#]+(:\d+)?$/.test(h))) ctx.report({ message: `The 'host' property, if present, must be a valid URI host without a scheme or path (got ${JSON.stringify(h)}).`, pointer: '/host' });
  },
};
