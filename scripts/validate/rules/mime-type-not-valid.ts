import type { Rule } from '../types';
import { ptr } from '../pointer';

/** consumes/produces entries are syntactically valid MIME types (type/subtype). */
export const rule: Rule = {
  id: 'MimeTypeNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'consumes/produces entries are syntactically valid MIME types (type/subtype).',
  check(ctx) {
    const check = (list: unknown, pointer: string) => {
      if (!Array.isArray(list)) return;
      list.forEach((m, i) => {
        if (typeof m !== 'string' || !/^[\w.+*-]+\/[\w.+*-]+(\s*;.*)?$/.test(m.trim())) ctx.report({ message: `The MIME type '${String(m)}' is not valid.`, pointer: ptr(pointer, i) });
      });
    };
    for (const k of ['consumes', 'produces']) {
      check(ctx.swagger?.[k], `/${k}`);
      for (const o of ctx.operations) check(o.op[k], ptr(o.pointer, k));
    }
  },
};
