import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** info.title ≤ 30 characters; operation summary and parameter x-ms-summary ≤ 80 characters. */
export const rule: Rule = {
  id: 'FieldLengthExceeded',
  level: 'certification',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'info.title \u2264 30 characters; operation summary and parameter x-ms-summary \u2264 80 characters.',
  check(ctx) {
    const title = (ctx.swagger?.info as Record<string, unknown> | undefined)?.title;
    if (typeof title === 'string' && title.length > 30) ctx.report({ message: `The 'title' value goes over the character limit '30' (it has ${title.length}).`, pointer: '/info/title' });
    for (const o of ctx.operations) {
      if (typeof o.op.summary === 'string' && o.op.summary.length > 80)
        ctx.report({ message: `The 'summary' value goes over the character limit '80' (it has ${o.op.summary.length}).`, pointer: ptr(o.pointer, 'summary') });
      for (const p of operationParams(ctx.swagger, o)) {
        const s = p.param['x-ms-summary'];
        if (typeof s === 'string' && s.length > 80)
          ctx.report({ message: `The 'x-ms-summary' value goes over the character limit '80' (it has ${s.length}).`, pointer: ptr(p.pointer, 'x-ms-summary') });
      }
    }
  },
};
