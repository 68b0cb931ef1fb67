import type { Rule } from '../types';
import { isObj } from '../swagger-walk';

/** iconBrandColor is #RRGGBB and not #007ee5/#ffffff; independent publishers use #da3b01. */
export const rule: Rule = {
  id: 'CkBrandColor',
  level: 'certification',
  severity: 'error',
  file: 'apiProperties.json',
  description: 'iconBrandColor is #RRGGBB and not #007ee5/#ffffff; independent publishers use #da3b01.',
  check(ctx) {
    const p = ctx.apiProperties?.properties;
    if (!isObj(p)) return;
    const c = p.iconBrandColor;
    if (typeof c !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(c)) {
      ctx.report({ message: `iconBrandColor must be an HTML colour "#RRGGBB" (got ${JSON.stringify(c)}).`, pointer: '/properties/iconBrandColor' });
      return;
    }
    const lc = c.toLowerCase();
    if (lc === '#007ee5' || lc === '#ffffff')
      ctx.report({ message: `iconBrandColor ${c} is not allowed (the default #007ee5 and white #ffffff are rejected); use the icon's background colour.`, pointer: '/properties/iconBrandColor' });
    // An independent publisher submits no icon and names itself as publisher while stackOwner is the service's owner.
    const independent = typeof p.publisher === 'string' && typeof p.stackOwner === 'string' && p.publisher !== p.stackOwner && !ctx.files['icon.png'];
    if (independent && lc !== '#da3b01')
      ctx.report({ severity: 'warning', message: `Independent publisher connectors use iconBrandColor "#da3b01" (got ${c}).`, pointer: '/properties/iconBrandColor' });
  },
};
