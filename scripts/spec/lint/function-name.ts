import { SPEC_CODES } from '../codes';
import type { LintRule } from '../types';

/** `Utility.IsValidFunctionName` of the Functions host; the operationId becomes the function name. */
const FUNCTION_NAME = /^[a-z][a-z0-9_-]{0,127}$/i;

export const functionName: LintRule = {
  code: SPEC_CODES.CK_SPEC_FUNCTION_NAME_INVALID,
  check(ctx) {
    const out = [];
    for (const op of ctx.operations) {
      if (!FUNCTION_NAME.test(op.operationId)) {
        out.push(ctx.at(op, this.code, 'error', `operationId '${op.operationId}' of ${op.controller}.${op.method} is not a valid function name (^[a-z][a-z0-9_-]{0,127}$, case-insensitive)`));
      } else if (op.operationId.toLowerCase() === 'host') {
        out.push(ctx.at(op, this.code, 'error', `operationId 'host' of ${op.controller}.${op.method} is reserved by the Functions host`));
      }
    }
    return out;
  },
};
