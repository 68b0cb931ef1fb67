import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** No client secret value anywhere in the folder (paconn injects it with --secret). */
export const rule: Rule = {
  id: 'CkClientSecret',
  // Platform, not certification: a committed secret is a leak whatever the connector is for.
  level: 'platform',
  severity: 'error',
  file: 'apiProperties.json',
  description: "No client secret value anywhere in the folder (paconn injects it with --secret); an obvious placeholder such as \"[[DUMMY]]\" is a warning.",
  check(ctx) {
    const walk = (v: unknown, pointer: string, file: string) => {
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, ptr(pointer, i), file));
      if (!isObj(v)) return;
      for (const [k, x] of Object.entries(v)) {
        if (/^client_?secret$/i.test(k) && typeof x === 'string' && x.trim() !== '') {
          // Placeholders ("[[DUMMY]]", "<Enter your client secret>") are not secrets, but still should not be there.
          const placeholder = /dummy|<[^>]*>|\[\[.*\]\]|your|x{4,}|\*{3,}|placeholder|secret here/i.test(x);
          ctx.report({ severity: placeholder ? 'warning' : 'error', message: placeholder ? `A client secret placeholder is stored at '${k}'; remove it (paconn injects the secret with --secret).` : `A client secret value is stored at '${k}'. Never commit secrets: paconn injects it with --secret.`, pointer: ptr(pointer, k), file });
        } else walk(x, ptr(pointer, k), file);
      }
    };
    for (const f of Object.values(ctx.files)) if (f.json !== undefined) walk(f.json, '', f.name);
  },
};
