import type { Rule } from '../types';
import { isObj } from '../swagger-walk';

/** info.contact has name, url and email (certification; Microsoft's message: "The 'contact' property is required"). */
export const rule: Rule = {
  id: 'CkContactRequired',
  level: 'certification',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "info.contact has name, url and email (certification; Microsoft's message: \"The 'contact' property is required\").",
  check(ctx) {
    const c = (ctx.swagger?.info as Record<string, unknown> | undefined)?.contact;
    if (!isObj(c)) {
      ctx.report({ message: "The 'contact' property is required (name, url, email).", pointer: '/info' });
      return;
    }
    for (const k of ['name', 'url', 'email'])
      if (typeof c[k] !== 'string' || (c[k] as string).trim() === '') ctx.report({ message: `The contact '${k}' property is required.`, pointer: '/info/contact' });
  },
};
