import type { Rule } from '../types';
import { refUses } from '../refs';

/** Every schema reference resolves inside the swagger. */
export const rule: Rule = {
  id: 'SchemaReferenceNotFound',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Every schema reference resolves inside the swagger.',
  check(ctx) {
    for (const u of refUses(ctx.swagger)) {
      if (u.kind === 'schema' && u.problem === 'notFound') ctx.report({ message: `The schema reference '${u.ref}' could not be found in the swagger document.`, pointer: u.pointer + '/$ref' });
    }
  },
};
