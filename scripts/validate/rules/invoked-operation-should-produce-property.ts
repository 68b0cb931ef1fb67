import type { Rule } from '../types';
import { dynamicUses, operationById, successSchema, schemaAtPath, isOpen } from '../dynamic';

/** The value-collection / itemsPath of a dynamic extension exists in the invoked operation's success response schema (a warning: merged connectors return undeclared shapes). */
export const rule: Rule = {
  id: 'InvokedOperationShouldProduceProperty',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: "The value-collection / itemsPath of a dynamic extension exists in the invoked operation's success response schema (a warning: merged connectors return undeclared shapes).",
  check(ctx) {
    for (const d of dynamicUses(ctx)) {
      const path = d.key === 'x-ms-dynamic-values' ? d.value['value-collection'] : d.key === 'x-ms-dynamic-list' ? d.value.itemsPath : undefined;
      if (typeof path !== 'string' || path === '') continue;
      const target = operationById(ctx, d.value.operationId);
      const root = target && successSchema(ctx, target);
      if (!root || isOpen(root) || root['x-ms-dynamic-schema'] !== undefined || root.type === 'array') continue;
      if (!schemaAtPath(ctx, root, path)) ctx.report({ message: `The dynamic operation expects a property on the specified path '${path}' which should be defined in the successful response of the invoked operation '${String(d.value.operationId)}'.`, pointer: d.pointer });
    }
  },
};
