import type { Rule } from '../types';
import { isObj, operationParams } from '../swagger-walk';
import { ptr } from '../pointer';
import { dynamicUses, operationById } from '../dynamic';

/** The parameters an x-ms-dynamic-values/-schema call passes are parameters of the invoked operation. */
export const rule: Rule = {
  id: 'OperationParameterNameNotFound',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'The parameters an x-ms-dynamic-values/-schema call passes are parameters of the invoked operation.',
  check(ctx) {
    for (const d of dynamicUses(ctx)) {
      if ((d.key !== 'x-ms-dynamic-values' && d.key !== 'x-ms-dynamic-schema') || !isObj(d.value.parameters)) continue;
      const target = operationById(ctx, d.value.operationId);
      if (!target) continue;
      const names = new Set(operationParams(ctx.swagger, target).map((p) => String(p.param.name)));
      // A body parameter's properties may be passed by name too; only check operations without a body.
      if (operationParams(ctx.swagger, target).some((p) => p.param.in === 'body')) continue;
      for (const k of Object.keys(d.value.parameters))
        if (!names.has(k))
          ctx.report({ message: `The parameter '${k}' could not be found in operation '${String(d.value.operationId)}' in the swagger document.`, pointer: ptr(d.pointer, 'parameters', k) });
    }
  },
};
