import type { Rule } from '../types';
import { refUses } from '../refs';

/** Every response reference resolves inside the swagger. */
export const rule: Rule = {
  id: 'ResponseReferenceNotFound',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Every response reference resolves inside the swagger.',
  check(ctx) {
    for (const u of refUses(ctx.swagger)) {
      if (u.kind === 'response' && u.problem === 'notFound') ctx.report({ message: `The response reference '${u.ref}' could not be found in the swagger document.`, pointer: u.pointer + '/$ref' });
    }
  },
};
