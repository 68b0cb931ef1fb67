import type { Rule } from '../types';
import { ptr } from '../pointer';

/** Operation summaries contain none of / \\ < > * % & ? (an error at --level certification; a warning at platform level because merged connectors have them). */
export const rule: Rule = {
  id: 'RestrictedCharactersInSummary',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: "Operation summaries contain none of / \\\\ < > * % & ? (an error at --level certification; a warning at platform level because merged connectors have them).",
  check(ctx) {
    for (const o of ctx.operations) {
      const s = o.op.summary;
      if (typeof s === 'string' && /[/\\<>*%&?]/.test(s)) ctx.report({ message: `Summary string '${s}' contains any of the restricted characters [/\\<>*%&?].`, pointer: ptr(o.pointer, 'summary') });
    }
  },
};
