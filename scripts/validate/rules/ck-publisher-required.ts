import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** apiProperties has alphanumeric publisher and stackOwner. */
export const rule: Rule = {
  id: 'CkPublisherRequired',
  level: 'certification',
  severity: 'error',
  file: 'apiProperties.json',
  description: 'apiProperties has alphanumeric publisher and stackOwner.',
  check(ctx) {
    const p = ctx.apiProperties?.properties;
    if (!isObj(p)) return;
    for (const k of ['publisher', 'stackOwner']) {
      const v = p[k];
      if (typeof v !== 'string' || v.trim() === '') ctx.report({ message: `The '${k}' property is required for certification.`, pointer: '/properties' });
      else if (!/^[\p{L}\p{N} .,&()'-]+$/u.test(v)) ctx.report({ message: `The '${k}' value '${v}' should be alphanumeric.`, pointer: ptr('/properties', k), severity: 'warning' });
    }
  },
};
