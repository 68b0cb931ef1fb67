import type { Rule } from '../types';
import { dynamicUses } from '../dynamic';
import { nonParameterRefs } from './dynamic-list-extension-required-for-non-parameter-references';

/** An x-ms-dynamic-schema whose parameters reference body properties has an x-ms-dynamic-properties beside it. */
export const rule: Rule = {
  id: 'DynamicPropertiesExtensionRequiredForNonParameterReferences',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'An x-ms-dynamic-schema whose parameters reference body properties has an x-ms-dynamic-properties beside it.',
  check(ctx) {
    for (const d of dynamicUses(ctx)) {
      if (d.key !== 'x-ms-dynamic-schema' || d.holder['x-ms-dynamic-properties'] !== undefined) continue;
      const refs = nonParameterRefs(ctx, d);
      if (refs.length)
        ctx.report({
          message: `The 'x-ms-dynamic-schema' extension references properties within parameters (${refs.join(', ')}). You need to define the 'x-ms-dynamic-properties' extension.`,
          pointer: d.pointer,
        });
    }
  },
};
