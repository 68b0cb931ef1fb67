import { SPEC_CODES } from '../codes';
import { isValidFunctionName } from '../../core/host-rules';
import type { LintRule } from '../types';

/** The operationId becomes the function name, so it must be one the Functions host accepts. */
export const functionName: LintRule = {
  code: SPEC_CODES.CK_SPEC_FUNCTION_NAME_INVALID,
  check(ctx) {
    const out = [];
    for (const op of ctx.operations) {
      if (isValidFunctionName(op.operationId)) continue;
      const msg =
        op.operationId.toLowerCase() === 'host'
          ? `operationId 'host' of ${op.controller}.${op.method} is reserved by the Functions host`
          : `operationId '${op.operationId}' of ${op.controller}.${op.method} is not a valid function name (^[a-z][a-z0-9_-]{0,127}$, case-insensitive)`;
      out.push(ctx.at(op, this.code, 'error', msg));
    }
    return out;
  },
};
