import type { Rule } from '../types';

/** Path templates of one method do not differ only where one has a variable and the other a static segment (routing becomes ambiguous). */
export const rule: Rule = {
  id: 'PartialDuplicateOperationPath',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'Path templates of one method do not differ only where one has a variable and the other a static segment (routing becomes ambiguous).',
  check(ctx) {
    const byMethod = new Map<string, typeof ctx.operations>();
    for (const o of ctx.operations) (byMethod.get(o.method) ?? byMethod.set(o.method, []).get(o.method)!).push(o);
    const seg = (p: string) =>
      p
        .split('/')
        .filter(Boolean)
        .map((s) => (/^\{[^{}]+\}$/.test(s) ? null : s.toLowerCase()));
    for (const ops of byMethod.values()) {
      const segs = ops.map((o) => seg(o.path));
      for (let i = 0; i < ops.length; i++) {
        const a = segs[i]!;
        const similar: string[] = [];
        for (let j = 0; j < ops.length; j++) {
          if (i === j) continue;
          const b = segs[j]!;
          if (a.length !== b.length) continue;
          let mixed = false;
          let ok = true;
          for (let k = 0; k < a.length && ok; k++) {
            if (a[k] === b[k]) continue;
            if (a[k] === null || b[k] === null) mixed = true;
            else ok = false;
          }
          if (ok && mixed) similar.push(ops[j]!.path);
        }
        if (similar.length)
          ctx.report({
            message: `The operation '${String(ops[i]!.op.operationId ?? ops[i]!.path)}' has the path template '${ops[i]!.path}' which is similar to other operation path templates: ${similar.join(', ')}. An input path value equal to a static segment would route to a different operation.`,
            pointer: ops[i]!.pointer,
          });
      }
    }
  },
};
