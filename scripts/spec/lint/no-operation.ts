import { SPEC_CODES } from '../codes';
import type { LintRule } from '../types';

/**
 * tsoa silently drops an exported controller class without @Route and a method without an HTTP-verb decorator: the
 * spec and the app lose an operation with no message. Warn at each (scripts/metadata/source-facts.ts finds them).
 */
export const noOperation: LintRule = {
  code: SPEC_CODES.CK_SPEC_NO_OPERATION,
  check(ctx) {
    return (ctx.bm.unrouted ?? []).map((u) =>
      ctx.at(
        u,
        this.code,
        'warning',
        u.method
          ? `public async method ${u.controller}.${u.method} has no HTTP-verb decorator, so it is not an operation (not in the spec, no Function)`
          : `exported class ${u.controller} has no @Route, so none of its methods is an operation (not in the spec, no Function)`,
      ),
    );
  },
};
