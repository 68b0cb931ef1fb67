import { SPEC_CODES } from '../codes';
import type { LintFinding, LintRule } from '../types';

/**
 * The generated handler runs `@Middlewares(...)` before the method as `mw(request, context)` (the v4 shape). An
 * Express-style `(req, res, next)` would never call back there, so a team relying on it for auth or validation
 * would silently get none: refuse it at build time instead.
 */
export const middlewareSignature: LintRule = {
  code: SPEC_CODES.CK_SPEC_MIDDLEWARE_SIGNATURE,
  check(ctx) {
    const out: LintFinding[] = [];
    for (const m of ctx.bm.middlewares ?? []) {
      const where = m.method ? `${m.controller}.${m.method}` : m.controller;
      m.arities.forEach((n, i) => {
        if (n > 2)
          out.push(ctx.at(m, this.code, 'error', `middleware ${i + 1} of @Middlewares on ${where} takes ${n} parameters (Express/Koa style); an Azure Functions middleware takes (request, context)`));
        else if (n < 0) out.push(ctx.at(m, this.code, 'error', `argument ${i + 1} of @Middlewares on ${where} is not a function`));
      });
    }
    return out;
  },
};
