import { SPEC_CODES } from '../codes';
import type { LintRule } from '../types';

const BODY_KINDS = new Set(['body', 'body-prop', 'formData']);

/** A GET with a body: HTTP clients drop it and Power Platform rejects it (BodyOrFormDataParameterInFetchOperationNotAllowed). */
export const bodyOnGet: LintRule = {
  code: SPEC_CODES.CK_SPEC_BODY_ON_GET,
  check(ctx) {
    return ctx.operations
      .filter((op) => op.verb === 'get' && op.md.parameters.some((p) => BODY_KINDS.has(p.in)))
      .map((op) => {
        const p = op.md.parameters.find((x) => BODY_KINDS.has(x.in))!;
        return ctx.at(op, this.code, 'error', `GET ${op.route} (${op.controller}.${op.method}) has a ${p.in} parameter '${p.parameterName}'`);
      });
  },
};
