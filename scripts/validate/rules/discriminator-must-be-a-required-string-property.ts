import type { Rule } from '../types';
import { isObj, walkSchemas } from '../swagger-walk';
import { ptr } from '../pointer';

/** A `discriminator` names a required string property. */
export const rule: Rule = {
  id: 'DiscriminatorMustBeARequiredStringProperty',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'A `discriminator` names a required string property.',
  check(ctx) {
    walkSchemas(ctx.swagger, (s) => {
      const d = s.schema.discriminator;
      if (typeof d !== 'string') return;
      // The property may come from an allOf part (inheritance): merge properties and required along allOf.
      const props: Record<string, unknown> = {};
      const required = new Set<unknown>();
      const merge = (x: unknown, depth: number) => {
        const o = ctx.deref(x);
        if (!isObj(o) || depth > 8) return;
        if (isObj(o.properties)) Object.assign(props, o.properties);
        if (Array.isArray(o.required)) o.required.forEach((r) => required.add(r));
        if (Array.isArray(o.allOf)) o.allOf.forEach((y) => merge(y, depth + 1));
      };
      merge(s.schema, 0);
      const prop = ctx.deref(props[d]);
      if (!isObj(prop) || prop.type !== 'string' || !required.has(d))
        ctx.report({ message: `The 'discriminator' value '${d}' must be the name of a required string property.`, pointer: ptr(s.pointer, 'discriminator') });
    });
  },
};
