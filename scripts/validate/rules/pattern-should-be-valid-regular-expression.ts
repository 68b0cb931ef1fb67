import type { Rule } from '../types';
import { walkSchemas, operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** `pattern` values compile as regular expressions (a warning: checked with the JavaScript engine, not .NET's). */
export const rule: Rule = {
  id: 'PatternShouldBeValidRegularExpression',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: "`pattern` values compile as regular expressions (a warning: checked with the JavaScript engine, not .NET's).",
  check(ctx) {
    const check = (o: Record<string, unknown>, pointer: string) => {
      if (typeof o.pattern !== 'string') return;
      try {
        new RegExp(o.pattern);
      } catch {
        // .NET-only syntax (inline options, possessive/atomic groups) is valid for the platform: skip it.
        if (!/\(\?[imnsx-]+\)|\(\?>|\\[AZz]/.test(o.pattern))
          ctx.report({ message: `The 'pattern' value ${JSON.stringify(o.pattern)} should be a valid regular expression.`, pointer: ptr(pointer, 'pattern') });
      }
    };
    walkSchemas(ctx.swagger, (s) => check(s.schema, s.pointer));
    const seen = new Set<string>();
    for (const o of ctx.operations)
      for (const p of operationParams(ctx.swagger, o))
        if (!seen.has(p.targetPointer)) {
          seen.add(p.targetPointer);
          check(p.param, p.targetPointer);
        }
  },
};
