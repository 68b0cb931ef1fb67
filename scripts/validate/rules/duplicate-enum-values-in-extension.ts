import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';
import { enumValuesUses } from './missing-enum-values-display-name';

/** x-ms-enum-values maps each value once. */
export const rule: Rule = {
  id: 'DuplicateEnumValuesInExtension',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'x-ms-enum-values maps each value once.',
  check(ctx) {
    for (const u of enumValuesUses(ctx)) {
      const seen = new Set<string>();
      u.list.forEach((e, i) => {
        if (!isObj(e)) return;
        const k = JSON.stringify(e.value);
        if (seen.has(k)) ctx.report({ message: "The 'x-ms-enum-values' extension has duplicate values. You can only have one display name mapped to a value.", pointer: ptr(u.pointer, i) });
        seen.add(k);
      });
    }
  },
};
