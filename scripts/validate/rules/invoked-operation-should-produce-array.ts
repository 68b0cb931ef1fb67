import type { Rule } from '../types';
import { schemaAtPath } from '../dynamic';
import { invokedResponses } from './invoked-operation-responses';

/** x-ms-dynamic-values value-collection (and x-ms-dynamic-list itemsPath) points at an array in the invoked operation's success response. */
export const rule: Rule = {
  id: 'InvokedOperationShouldProduceArray',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "x-ms-dynamic-values value-collection (and x-ms-dynamic-list itemsPath) points at an array in the invoked operation's success response.",
  check(ctx) {
    for (const { use: d, path, root } of invokedResponses(ctx)) {
      const at = schemaAtPath(ctx, root, path);
      if (at && at.type !== 'array' && at.items === undefined)
        ctx.report({
          message: `The dynamic operation expects an array on the specified path '${path}' which should be defined in the successful response of the invoked operation '${String(d.value.operationId)}'.`,
          pointer: d.pointer,
        });
    }
  },
};
