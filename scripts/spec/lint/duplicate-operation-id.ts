import { SPEC_CODES } from '../codes';
import type { LintRule } from '../types';

/** tsoa emits duplicate operationIds silently; Swagger, Power Platform and the Functions host all reject them. */
export const duplicateOperationId: LintRule = {
  code: SPEC_CODES.CK_SPEC_DUPLICATE_OPERATION_ID,
  check(ctx) {
    const first = new Map<string, (typeof ctx.operations)[number]>();
    const out = [];
    for (const op of ctx.operations) {
      // Function names are case-insensitive in the host, so compare that way.
      const key = op.operationId.toLowerCase();
      const prev = first.get(key);
      if (!prev) {
        first.set(key, op);
        continue;
      }
      out.push(ctx.at(op, this.code, 'error', `operationId '${op.operationId}' of ${op.controller}.${op.method} is already used by ${prev.controller}.${prev.method} (${prev.file}:${prev.line})`));
    }
    return out;
  },
};
