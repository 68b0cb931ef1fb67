import { SPEC_CODES } from '../codes';
import type { LintRule } from '../types';

/** TypeScript errors the build's type check found (scripts/metadata/type-check.ts): they fail the build like lint errors. */
export const typeErrors: LintRule = {
  code: SPEC_CODES.CK_SPEC_TYPE_ERROR,
  check(ctx) {
    return (ctx.bm.typeErrors ?? []).map((e) => ctx.at(e, this.code, 'error', e.message));
  },
};
