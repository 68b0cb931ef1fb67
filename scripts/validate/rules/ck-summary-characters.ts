import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** Operation summaries end alphanumeric; x-ms-summary values have no restricted characters. */
export const rule: Rule = {
  id: 'CkSummaryCharacters',
  level: 'certification',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description:
    "Operation summaries end with a letter, digit or ')' (no trailing punctuation) and parameter x-ms-summary values contain none of / \\ < > * % & ? (operation summaries: RestrictedCharactersInSummary).",
  check(ctx) {
    for (const o of ctx.operations) {
      if (typeof o.op.summary === 'string' && !/[\p{L}\p{N})]$/u.test(o.op.summary.trim()))
        ctx.report({ message: `The summary '${o.op.summary}' must end with an alphanumeric character (no trailing punctuation).`, pointer: ptr(o.pointer, 'summary') });
      for (const p of operationParams(ctx.swagger, o)) {
        const s = p.param['x-ms-summary'];
        if (typeof s === 'string' && /[/\\<>*%&?]/.test(s)) ctx.report({ message: `The x-ms-summary '${s}' contains restricted characters [/\\<>*%&?].`, pointer: ptr(p.pointer, 'x-ms-summary') });
      }
    }
  },
};
