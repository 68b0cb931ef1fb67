import type { Rule } from '../types';
import { refUses } from '../refs';

/** Path items have no `$ref` (Microsoft's id keeps its typo). */
export const rule: Rule = {
  id: 'PathItemRefNotSuppored',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Path items have no `$ref` (Microsoft's id keeps its typo).",
  check(ctx) {
    for (const u of refUses(ctx.swagger)) {
      if (u.kind === 'pathItem') ctx.report({ message: "The '$ref' property in a path is not supported.", pointer: u.pointer + '/$ref' });
    }
  },
};
