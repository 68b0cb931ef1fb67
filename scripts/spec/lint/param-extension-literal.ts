import { SPEC_CODES } from '../codes';
import type { LintRule } from '../types';

/** The metadata step records ParamExtension decorators it could not evaluate; this rule reports them. */
export const paramExtensionLiteral: LintRule = {
  code: SPEC_CODES.CK_SPEC_PARAM_EXTENSION_NOT_LITERAL,
  check(ctx) {
    return (ctx.bm.paramExtensionIssues ?? []).map((i) => ctx.at(i, this.code, 'error', i.message));
  },
};
