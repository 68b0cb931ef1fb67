import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';

/** Every `in: path` parameter appears as {name} in the path template. */
export const rule: Rule = {
  id: 'PathParameterNotDefinedInTemplate',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Every `in: path` parameter appears as {name} in the path template.',
  check(ctx) {
    for (const o of ctx.operations) {
      const vars = new Set([...o.path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]));
      for (const p of operationParams(ctx.swagger, o)) {
        if (p.param.in === 'path' && typeof p.param.name === 'string' && !vars.has(p.param.name))
          ctx.report({ message: `The 'path' parameter '${p.param.name}' is not defined in the URI path template '${o.path}'.`, pointer: p.pointer });
      }
    }
  },
};
