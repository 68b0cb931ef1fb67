import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';
import { enumValuesUses } from './missing-enum-values-display-name';

/** Each x-ms-enum-values value is one of the enum beside it. */
export const rule: Rule = {
  id: 'InvalidEnumValuesExtensionValue',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Each x-ms-enum-values value is one of the enum beside it.',
  check(ctx) {
    for (const u of enumValuesUses(ctx)) {
      if (!u.enumValues) continue;
      const allowed = new Set(u.enumValues.map((v) => JSON.stringify(v)));
      u.list.forEach((e, i) => {
        if (isObj(e) && e.value !== undefined && !allowed.has(JSON.stringify(e.value)))
          ctx.report({ message: `The 'value' field (${JSON.stringify(e.value)}) must match one of the enums as defined in the 'enum' property of the schema.`, pointer: ptr(u.pointer, i, 'value') });
      });
    }
  },
};
