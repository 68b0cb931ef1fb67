import type { Rule } from '../types';
import { refUses } from '../refs';

/** Parameter references are internal JSON pointers starting with '#/parameters/' (external references cannot be resolved offline and are not supported). */
export const rule: Rule = {
  id: 'ParameterReferenceNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Parameter references are internal JSON pointers starting with '#/parameters/' (external references cannot be resolved offline and are not supported).",
  check(ctx) {
    for (const u of refUses(ctx.swagger)) {
      if (u.kind === 'parameter' && u.problem === 'notValid')
        ctx.report({
          message: `The parameter reference '${u.ref}' is not valid. Parameter references must start with '#/parameters/' and be valid JSON Pointers${u.ref.startsWith('#') ? '' : ' (external references are not supported)'}.`,
          pointer: u.pointer + '/$ref',
        });
    }
  },
};
