import { SPEC_CODES } from '../codes';
import type { LintFinding, LintRule } from '../types';

/**
 * Every `@Security` name must be one the auth module handles (its exported `securityNames`, read by
 * scripts/metadata/auth-names.ts); otherwise each call of the operation would fail at run time. A module that
 * declares nothing gets one warning: the names cannot be checked.
 */
export const securityHandled: LintRule = {
  code: SPEC_CODES.CK_SPEC_SECURITY_NOT_HANDLED,
  check(ctx) {
    const auth = ctx.bm.auth;
    if (!auth) return [];
    const out: LintFinding[] = [];
    const handled = auth.securityNames ? new Set(auth.securityNames) : undefined;
    for (const op of ctx.operations) {
      const names = [...new Set((op.md.security ?? []).flatMap((r) => Object.keys(r)))];
      if (!names.length) continue;
      if (!handled) {
        out.push(
          ctx.at(
            op,
            this.code,
            'warning',
            `the auth module ${auth.file} does not export \`securityNames\`, so the build cannot check that it handles @Security('${names[0]}') of ${op.controller}.${op.method}`,
            `Add \`export const securityNames = [${names.map((n) => `'${n}'`).join(', ')}] as const;\` to ${auth.file}.`,
          ),
        );
        return out;
      }
      for (const n of names) {
        if (!handled.has(n))
          out.push(
            ctx.at(
              op,
              this.code,
              'error',
              `@Security('${n}') of ${op.controller}.${op.method} is not handled by the auth module ${auth.file} (it declares ${[...handled].map((h) => `'${h}'`).join(', ') || 'none'})`,
            ),
          );
      }
    }
    return out;
  },
};
