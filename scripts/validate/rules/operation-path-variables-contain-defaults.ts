import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Path template variables set no default with '='. */
export const rule: Rule = {
  id: 'OperationPathVariablesContainDefaults',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Path template variables set no default with '='.",
  check(ctx) {
    for (const p of Object.keys(isObj(ctx.swagger?.paths) ? ctx.swagger!.paths : {})) {
      if ([...p.matchAll(/\{([^{}]+)\}/g)].some((m) => m[1]!.includes('=')))
        ctx.report({ message: `The operation path template variables of '${p}' cannot set default values with character '='.`, pointer: ptr('/paths', p) });
    }
  },
};
