import type { Rule } from '../types';
import { dynamicUses } from '../dynamic';

/** x-ms-dynamic-schema / x-ms-dynamic-properties sit on the body schema, not on the body parameter. */
export const rule: Rule = {
  id: 'DynamicExtensionDefinitionNotAllowedInParameter',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'x-ms-dynamic-schema / x-ms-dynamic-properties sit on the body schema, not on the body parameter.',
  check(ctx) {
    for (const d of dynamicUses(ctx)) {
      if (d.where === 'parameter' && d.holder.in === 'body' && (d.key === 'x-ms-dynamic-schema' || d.key === 'x-ms-dynamic-properties'))
        ctx.report({ message: 'Dynamic extensions are not allowed to be defined on the body parameter. It should be in the schema.', pointer: d.pointer });
    }
  },
};
