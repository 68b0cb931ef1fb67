import type { Rule } from '../types';
import { refUses } from '../refs';

/** Every parameter reference resolves inside the swagger. */
export const rule: Rule = {
  id: 'ParameterReferenceNotFound',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Every parameter reference resolves inside the swagger.',
  check(ctx) {
    for (const u of refUses(ctx.swagger)) {
      if (u.kind === 'parameter' && u.problem === 'notFound') ctx.report({ message: `The parameter reference '${u.ref}' could not be found in the swagger document.`, pointer: u.pointer + '/$ref' });
    }
  },
};
