import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';

/** Every operation has summary and description; every parameter has x-ms-summary and description. */
export const rule: Rule = {
  id: 'CkSummaryAndDescriptionRequired',
  level: 'certification',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Every operation has summary and description; every parameter has x-ms-summary and description.',
  check(ctx) {
    const seen = new Set<string>();
    for (const o of ctx.operations) {
      for (const k of ['summary', 'description'])
        if (typeof o.op[k] !== 'string' || (o.op[k] as string).trim() === '')
          ctx.report({ message: `The '${k}' property is required on operation '${String(o.op.operationId ?? o.path)}'.`, pointer: o.pointer });
      for (const p of operationParams(ctx.swagger, o)) {
        if (seen.has(p.targetPointer) || p.param['x-ms-visibility'] === 'internal') continue;
        seen.add(p.targetPointer);
        for (const k of ['x-ms-summary', 'description'])
          if (typeof p.param[k] !== 'string' || (p.param[k] as string).trim() === '')
            ctx.report({ message: `The '${k}' property is required on parameter '${String(p.param.name)}'.`, pointer: p.pointer });
      }
    }
  },
};
