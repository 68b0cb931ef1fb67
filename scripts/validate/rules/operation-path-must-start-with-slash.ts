import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Every path starts with "/". */
export const rule: Rule = {
  id: 'OperationPathMustStartWithSlash',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Every path starts with "/".',
  check(ctx) {
    for (const p of Object.keys(isObj(ctx.swagger?.paths) ? ctx.swagger!.paths : {})) {
      if (!p.startsWith('/') && !p.startsWith('x-')) ctx.report({ message: `The path '${p}' is not valid, it must start with a '/' character.`, pointer: ptr('/paths', p) });
    }
  },
};
