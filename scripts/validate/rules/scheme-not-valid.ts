import type { Rule } from '../types';
import { ptr } from '../pointer';

/** `schemes` contains only http and https. */
export const rule: Rule = {
  id: 'SchemeNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: '`schemes` contains only http and https (ws/wss: SchemeNotSupported).',
  check(ctx) {
    const check = (list: unknown, pointer: string) => {
      if (!Array.isArray(list)) return;
      list.forEach((s, i) => {
        if (s !== 'http' && s !== 'https' && s !== 'ws' && s !== 'wss')
          ctx.report({ message: `The 'schemes' property must only contain transfer protocols from the list: http, https (got ${JSON.stringify(s)}).`, pointer: ptr(pointer, i) });
      });
    };
    check(ctx.swagger?.schemes, '/schemes');
    for (const o of ctx.operations) check(o.op.schemes, ptr(o.pointer, 'schemes'));
  },
};
