import type { Rule } from '../types';
import { walkSchemas, operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** type/format pairs are ones the platform knows (a warning: merged connectors use e.g. format "string"). */
export const rule: Rule = {
  id: 'UnrecognizedTypeFormat',
  level: 'platform',
  severity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: 'type/format pairs are ones the platform knows (a warning: merged connectors use e.g. format "string").',
  check(ctx) {
    const KNOWN: Record<string, string[]> = {
      integer: ['int32', 'int64'],
      number: ['float', 'double', 'decimal', 'int32', 'int64'],
      string: ['byte', 'binary', 'date', 'date-time', 'date-no-tz', 'password', 'email', 'html', 'uri', 'uuid', 'time', 'duration', 'url', 'uri-reference', 'hostname', 'ipv4', 'ipv6'],
    };
    const check = (o: Record<string, unknown>, pointer: string) => {
      if (typeof o.format !== 'string' || typeof o.type !== 'string' || !KNOWN[o.type]) return;
      if (!KNOWN[o.type]!.includes(o.format)) ctx.report({ message: `The type/format '${o.type}/${o.format}' is not recognized.`, pointer: ptr(pointer, 'format') });
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
