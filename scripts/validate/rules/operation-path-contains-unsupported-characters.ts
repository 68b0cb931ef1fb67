import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Paths contain no wildcard '*'. */
export const rule: Rule = {
  id: 'OperationPathContainsUnsupportedCharacters',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Paths contain no wildcard '*'.",
  check(ctx) {
    for (const p of Object.keys(isObj(ctx.swagger?.paths) ? ctx.swagger!.paths : {})) {
      if (p.includes('*')) ctx.report({ message: `The operation path '${p}' cannot contain wildcard character '*'.`, pointer: ptr('/paths', p) });
    }
  },
};
