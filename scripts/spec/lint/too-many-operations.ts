import { SPEC_CODES } from '../codes';
import type { LintRule } from '../types';

/** Power Platform: at most 256 operations per connector (TotalOperationsCountExceedsMaxAllowed). */
export const MAX_OPERATIONS = 256;

export const tooManyOperations: LintRule = {
  code: SPEC_CODES.CK_SPEC_TOO_MANY_OPERATIONS,
  check(ctx) {
    const visible = ctx.operations.filter((o) => !o.hidden); // @Hidden operations are not in the connector
    if (visible.length <= MAX_OPERATIONS) return [];
    const op = visible[MAX_OPERATIONS];
    return [ctx.at(op, this.code, 'error', `the API has ${visible.length} operations; a connector allows ${MAX_OPERATIONS} (the first one over is ${op.controller}.${op.method})`)];
  },
};
