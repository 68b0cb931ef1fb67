import type { Rule } from '../types';
import { isObj } from '../swagger-walk';

/** info.contact.email, if present, is a valid ASCII email address. */
export const rule: Rule = {
  id: 'ContactEmailNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'info.contact.email, if present, is a valid ASCII email address.',
  check(ctx) {
    const c = (ctx.swagger?.info as Record<string, unknown> | undefined)?.contact;
    if (isObj(c) && c.email !== undefined && (typeof c.email !== 'string' || !/^[\x21-\x7e]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(c.email)))
      ctx.report({ message: `The contact 'email' property, if present, must be a valid email address (got ${JSON.stringify(c.email)}).`, pointer: '/info/contact/email' });
  },
};
