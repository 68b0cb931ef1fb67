import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Required string values are not empty (info.title, info.version, operationId, parameter name, response description). */
export const rule: Rule = {
  id: 'RequiredValueEmpty',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Required string values are not empty (info.title, info.version, operationId, parameter name, response description).',
  check(ctx) {
    const info = ctx.swagger?.info;
    if (isObj(info)) for (const k of ['title', 'version']) if (info[k] === '') ctx.report({ message: `The '${k}' property must have not empty value.`, pointer: ptr('/info', k) });
    for (const o of ctx.operations) {
      if (o.op.operationId === '') ctx.report({ message: "The 'operationId' property must have not empty value.", pointer: ptr(o.pointer, 'operationId') });
      if (Array.isArray(o.op.parameters))
        o.op.parameters.forEach((p, i) => {
          if (isObj(p) && p.name === '') ctx.report({ message: "The 'name' property must have not empty value.", pointer: ptr(o.pointer, 'parameters', i, 'name') });
        });
    }
  },
};
