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
  description: 'No client secret value anywhere in the folder (paconn injects it with --secret); an obvious placeholder such as "[[DUMMY]]" or a value under 8 characters is a warning.',
  check(ctx) {
    // The pointer is built only on a hit: this walks every node of every JSON file.
    const stack: Array<string | number> = [];
    const walk = (v: unknown, file: string) => {
      if (Array.isArray(v)) {
        v.forEach((x, i) => {
          if (x === null || typeof x !== 'object') return;
          stack.push(i);
          walk(x, file);
          stack.pop();
        });
        return;
      }
      if (!isObj(v)) return;
      for (const k in v) {
        const x = v[k];
        if (typeof x === 'string') {
          if (x.trim() === '' || !/^client_?secret$/i.test(k)) continue;
          // Placeholders ("[[DUMMY]]", "<Enter your client secret>") are not secrets, but still should not be there.
          // A value under 8 characters ("test") cannot be a client secret an identity provider issues.
          const placeholder = x.trim().length < 8 || /dummy|<[^>]*>|\[\[.*\]\]|your|x{4,}|\*{3,}|placeholder|secret here/i.test(x);
          ctx.report({
            severity: placeholder ? 'warning' : 'error',
            message: placeholder
              ? `A client secret placeholder is stored at '${k}'; remove it (paconn injects the secret with --secret).`
              : `A client secret value is stored at '${k}'. Never commit secrets: paconn injects it with --secret.`,
            pointer: ptr('', ...stack, k),
            file,
          });
        } else if (x !== null && typeof x === 'object') {
          stack.push(k);
          walk(x, file);
          stack.pop();
        }
      }
    };
    for (const f of Object.values(ctx.files)) if (f.json !== undefined) walk(f.json, f.name);
  },
};
