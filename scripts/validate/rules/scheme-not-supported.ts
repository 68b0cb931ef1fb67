import type { Rule } from '../types';
import { ptr } from '../pointer';

/** No WebSocket schemes (ws, wss). */
export const rule: Rule = {
  id: 'SchemeNotSupported',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'No WebSocket schemes (ws, wss).',
  check(ctx) {
    const check = (list: unknown, pointer: string) => {
      if (!Array.isArray(list)) return;
      list.forEach((s, i) => {
        if (s === 'ws' || s === 'wss') ctx.report({ message: `The WebSocket transfer protocol schemes are not supported (${s}).`, pointer: ptr(pointer, i) });
      });
    };
    check(ctx.swagger?.schemes, '/schemes');
    for (const o of ctx.operations) check(o.op.schemes, ptr(o.pointer, 'schemes'));
  },
};
