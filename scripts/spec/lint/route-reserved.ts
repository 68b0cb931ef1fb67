import { SPEC_CODES } from '../codes';
import { isReservedRoute } from '../../core/host-rules';
import type { LintRule } from '../types';

/**
 * The host rejects a route whose lower-cased, `/`-trimmed text starts with `admin` or `runtime` (built-in routes),
 * checked on the route itself, i.e. after the `api` route prefix — so even `administrators/…` fails.
 */
export const routeReserved: LintRule = {
  code: SPEC_CODES.CK_SPEC_ROUTE_RESERVED,
  check(ctx) {
    return ctx.operations
      .filter((op) => isReservedRoute(op.route))
      .map((op) => ctx.at(op, this.code, 'error', `route '${op.route}' of ${op.controller}.${op.method} starts with a name the Functions host reserves (admin, runtime)`));
  },
};
