import type { Rule } from '../types';
import { ptr } from '../pointer';

/** An operation's summary and description differ (coding standards). */
export const rule: Rule = {
  id: 'CkSummaryEqualsDescription',
  level: 'certification',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: "An operation's summary and description differ (coding standards).",
  check(ctx) {
    for (const o of ctx.operations) {
      if (typeof o.op.summary === 'string' && typeof o.op.description === 'string' && o.op.summary.trim().toLowerCase() === o.op.description.trim().toLowerCase())
        ctx.report({ message: `The summary and description of operation '${String(o.op.operationId ?? o.path)}' must differ.`, pointer: ptr(o.pointer, 'description') });
    }
  },
};
