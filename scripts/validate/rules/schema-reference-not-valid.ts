import type { Rule } from '../types';
import { refUses } from '../refs';

/** Schema references are internal JSON pointers starting with '#/definitions/' (external references cannot be resolved offline and are not supported). */
export const rule: Rule = {
  id: 'SchemaReferenceNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Schema references are internal JSON pointers starting with '#/definitions/' (external references cannot be resolved offline and are not supported).",
  check(ctx) {
    for (const u of refUses(ctx.swagger)) {
      if (u.kind === 'schema' && u.problem === 'notValid')
        ctx.report({
          message: `The schema reference '${u.ref}' is not valid. Schema references must start with '#/definitions/' and be valid JSON Pointers${u.ref.startsWith('#') ? '' : ' (external references are not supported)'}.`,
          pointer: u.pointer + '/$ref',
        });
    }
  },
};
