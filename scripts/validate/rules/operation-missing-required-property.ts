import type { Rule } from '../types';
import { isObj, operationParams } from '../swagger-walk';
import { dynamicUses, operationById } from '../dynamic';

/** A dynamic call passes every required parameter of the invoked operation that has no default (a warning: the designer prompts otherwise). */
export const rule: Rule = {
  id: 'OperationMissingRequiredProperty',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'A dynamic call passes every required parameter of the invoked operation that has no default (a warning: the designer prompts otherwise).',
  check(ctx) {
    for (const d of dynamicUses(ctx)) {
      if (d.key !== 'x-ms-dynamic-values' && d.key !== 'x-ms-dynamic-schema') continue;
      const target = operationById(ctx, d.value.operationId);
      if (!target) continue;
      const given = isObj(d.value.parameters) ? d.value.parameters : {};
      for (const p of operationParams(ctx.swagger, target)) {
        if (p.param.required !== true || p.param.default !== undefined || p.param.in === 'body' || p.param.in === 'header') continue;
        if (!(String(p.param.name) in given)) ctx.report({ message: `The target operation '${String(d.value.operationId)}' requires parameter '${String(p.param.name)}'.`, pointer: d.pointer });
      }
    }
  },
};
