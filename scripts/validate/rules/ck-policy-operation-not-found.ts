import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Policy template instances scope themselves to operationIds that exist in the swagger. */
export const rule: Rule = {
  id: 'CkPolicyOperationNotFound',
  level: 'platform',
  severity: 'warning',
  file: 'apiProperties.json',
  description: "Every operationId in a policy template's x-ms-apimTemplate-operationName exists in the swagger (a warning: the policy silently never runs for a missing one).",
  check(ctx) {
    const list = isObj(ctx.apiProperties?.properties) ? (ctx.apiProperties!.properties as Record<string, unknown>).policyTemplateInstances : undefined;
    if (!Array.isArray(list) || !ctx.swagger) return;
    const ids = new Set(ctx.operations.map((o) => o.op.operationId));
    list.forEach((inst, i) => {
      const names = isObj(inst) && isObj(inst.parameters) ? inst.parameters['x-ms-apimTemplate-operationName'] : undefined;
      if (!Array.isArray(names)) return;
      names.forEach((n, j) => {
        if (typeof n === 'string' && !ids.has(n))
          ctx.report({
            message: `The policy '${String((inst as Record<string, unknown>).title ?? (inst as Record<string, unknown>).templateId)}' names operation '${n}', which is not in the swagger; the policy never runs for it.`,
            pointer: ptr('/properties/policyTemplateInstances', i, 'parameters', 'x-ms-apimTemplate-operationName', j),
          });
      });
    });
  },
};
