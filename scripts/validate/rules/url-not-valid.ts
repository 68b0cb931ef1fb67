import type { Rule } from '../types';
import { isObj } from '../swagger-walk';

/** info.contact.url, info.termsOfService and externalDocs urls are absolute URLs. */
export const rule: Rule = {
  id: 'UrlNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'info.contact.url, info.termsOfService and externalDocs urls are absolute URLs.',
  check(ctx) {
    const check = (v: unknown, pointer: string) => {
      if (typeof v !== 'string') return;
      let ok: boolean;
      try {
        ok = /^https?:$/.test(new URL(v).protocol);
      } catch {
        ok = false;
      }
      if (!ok) ctx.report({ message: `The 'url' property must be a valid absolute URL (got ${JSON.stringify(v)}).`, pointer });
    };
    const info = ctx.swagger?.info;
    if (isObj(info) && isObj(info.contact)) check(info.contact.url, '/info/contact/url');
    if (isObj(info) && isObj(info.license)) check(info.license.url, '/info/license/url');
    if (isObj(ctx.swagger?.externalDocs)) check((ctx.swagger!.externalDocs as Record<string, unknown>).url, '/externalDocs/url');
  },
};
