import type { Rule } from '../types';
import { ptr } from '../pointer';

/** Operation summaries are fewer than 120 characters (the certification limit of 80 is checked at --level certification). */
export const rule: Rule = {
  id: 'OperationSummaryTooLong',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'Operation summaries are fewer than 120 characters (the certification limit of 80 is checked at --level certification).',
  check(ctx) {
    for (const o of ctx.operations) {
      const s = o.op.summary;
      if (typeof s === 'string' && s.length >= 120)
        ctx.report({ message: `The operation 'summary' should be fewer than 120 characters for improved readability (it has ${s.length}).`, pointer: ptr(o.pointer, 'summary') });
    }
  },
};
