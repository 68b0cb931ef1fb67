import type { Rule } from '../types';
import { refUses } from '../refs';

/** Response references are internal JSON pointers starting with '#/responses/' (external references cannot be resolved offline and are not supported). */
export const rule: Rule = {
  id: 'ResponseReferenceNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Response references are internal JSON pointers starting with '#/responses/' (external references cannot be resolved offline and are not supported).",
  check(ctx) {
    for (const u of refUses(ctx.swagger)) {
      if (u.kind === 'response' && u.problem === 'notValid')
        ctx.report({
          message: `The response reference '${u.ref}' is not valid. Response references must start with '#/responses/' and be valid JSON Pointers${u.ref.startsWith('#') ? '' : ' (external references are not supported)'}.`,
          pointer: u.pointer + '/$ref',
        });
    }
  },
};
