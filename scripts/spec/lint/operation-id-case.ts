import { SPEC_CODES } from '../codes';
import type { LintRule } from '../types';

const PASCAL = /^[A-Z][A-Za-z0-9]*$/;

/** Power Platform's coding standards want PascalCase alphanumeric operationIds (validator: OperationIdSanitized, a warning). */
export const operationIdCase: LintRule = {
  code: SPEC_CODES.CK_SPEC_OPERATION_ID_CASE,
  check(ctx) {
    return ctx.operations
      .filter((op) => !PASCAL.test(op.operationId))
      .map((op) => ctx.at(op, this.code, 'warning', `operationId '${op.operationId}' of ${op.controller}.${op.method} is not PascalCase letters and digits`));
  },
};
