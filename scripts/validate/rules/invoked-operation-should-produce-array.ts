import type { Rule } from '../types';
import { dynamicUses, operationById, successSchema, schemaAtPath, isOpen } from '../dynamic';

/** x-ms-dynamic-values value-collection (and x-ms-dynamic-list itemsPath) points at an array in the invoked operation's success response. */
export const rule: Rule = {
  id: 'InvokedOperationShouldProduceArray',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "x-ms-dynamic-values value-collection (and x-ms-dynamic-list itemsPath) points at an array in the invoked operation's success response.",
  check(ctx) {
    for (const d of dynamicUses(ctx)) {
      const path = d.key === 'x-ms-dynamic-values' ? d.value['value-collection'] : d.key === 'x-ms-dynamic-list' ? d.value.itemsPath : undefined;
      if (typeof path !== 'string' || path === '') continue;
      const target = operationById(ctx, d.value.operationId);
      const root = target && successSchema(ctx, target);
      if (!root || isOpen(root) || root['x-ms-dynamic-schema'] !== undefined) continue;
      const at = schemaAtPath(ctx, root, path);
      if (at && at.type !== 'array' && at.items === undefined) ctx.report({ message: `The dynamic operation expects an array on the specified path '${path}' which should be defined in the successful response of the invoked operation '${String(d.value.operationId)}'.`, pointer: d.pointer });
    }
  },
};
