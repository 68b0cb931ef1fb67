import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Required properties do not form a `$ref` loop (A requires b → B requires a → A). */
export const rule: Rule = {
  id: 'RequiredLoopInSchemaNotAllowed',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Required properties do not form a `$ref` loop (A requires b \u2192 B requires a \u2192 A).',
  check(ctx) {
    const defs = ctx.swagger?.definitions;
    if (!isObj(defs)) return;
    // Edges: definition → definition through a required property whose schema is a direct $ref.
    const edges = new Map<string, string[]>();
    for (const [name, d] of Object.entries(defs)) {
      if (!isObj(d) || !isObj(d.properties) || !Array.isArray(d.required)) continue;
      const out: string[] = [];
      for (const req of d.required) {
        const p = (d.properties as Record<string, unknown>)[String(req)];
        if (isObj(p) && typeof p.$ref === 'string' && p.$ref.startsWith('#/definitions/')) out.push(p.$ref.slice('#/definitions/'.length).replace(/~1/g, '/').replace(/~0/g, '~'));
      }
      edges.set(name, out);
    }
    const state = new Map<string, 1 | 2>();
    const reported = new Set<string>();
    const visit = (n: string, stack: string[]): void => {
      state.set(n, 1);
      for (const m of edges.get(n) ?? []) {
        if (state.get(m) === 1) {
          const loop = [...stack.slice(stack.indexOf(m)), m];
          if (!reported.has(m)) {
            reported.add(m);
            ctx.report({ message: `Loops of required schema properties are not allowed (${loop.join(' → ')}).`, pointer: ptr('/definitions', m) });
          }
        } else if (!state.has(m)) visit(m, [...stack, m]);
      }
      state.set(n, 2);
    };
    for (const n of edges.keys()) if (!state.has(n)) visit(n, [n]);
  },
};
