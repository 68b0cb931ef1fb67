import type { Rule } from '../types';
import { ptr } from '../pointer';
import { CERTIFICATION_ONLY } from './evidence';

/** Operation summaries contain none of / \\ < > * % & ? (an error at --level certification; a warning at platform level). */
export const rule: Rule = {
  id: 'RestrictedCharactersInSummary',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  evidence: {
    merged: 0,
    docs: `${CERTIFICATION_ONLY}; the certification pipeline's logs show it on PRs. No merged connector of the 526 has one, so the platform warning rests on the absence of a documented import-time refusal alone`,
  },
  file: 'apiDefinition.swagger.json',
  description: 'Operation summaries contain none of / \\\\ < > * % & ? (an error at --level certification; a warning at platform level).',
  check(ctx) {
    for (const o of ctx.operations) {
      const s = o.op.summary;
      if (typeof s === 'string' && /[/\\<>*%&?]/.test(s)) ctx.report({ message: `Summary string '${s}' contains any of the restricted characters [/\\<>*%&?].`, pointer: ptr(o.pointer, 'summary') });
    }
  },
};
