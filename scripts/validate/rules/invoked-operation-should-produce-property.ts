import type { Rule } from '../types';
import { schemaAtPath } from '../dynamic';
import { invokedResponses } from './invoked-operation-responses';

/** The value-collection / itemsPath of a dynamic extension exists in the invoked operation's success response schema (a warning: merged connectors return undeclared shapes). */
export const rule: Rule = {
  id: 'InvokedOperationShouldProduceProperty',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: "The value-collection / itemsPath of a dynamic extension exists in the invoked operation's success response schema (a warning: merged connectors return undeclared shapes).",
  check(ctx) {
    for (const { use: d, path, root } of invokedResponses(ctx)) {
      if (root.type === 'array') continue;
      if (!schemaAtPath(ctx, root, path))
        ctx.report({
          message: `The dynamic operation expects a property on the specified path '${path}' which should be defined in the successful response of the invoked operation '${String(d.value.operationId)}'.`,
          pointer: d.pointer,
        });
    }
  },
};
