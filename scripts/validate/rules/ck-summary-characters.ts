import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';
/** Operation summaries and x-ms-summary use only letters, digits, spaces and parentheses-style punctuation (none of / \ < > * % & ? and no trailing punctuation). */
export const rule: Rule = {
  id: 'CkSummaryCharacters',
  level: 'certification',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Operation summaries and x-ms-summary use only letters, digits, spaces and parentheses-style punctuation (none of / \\ < > * % & ? and no trailing punctuation).",
  check(ctx) {
    const bad = (s: string) => /[/\\<>*%&?]/.test(s) || /[^\p{L}\p{N})]$/u.test(s);
    for (const o of ctx.operations) {
      if (typeof o.op.summary === 'string' && bad(o.op.summary)) ctx.report({ message: `Summary string '${o.op.summary}' contains restricted characters [/\\<>*%&?] or does not end with an alphanumeric character.`, pointer: ptr(o.pointer, 'summary') });
    }
  },
};
