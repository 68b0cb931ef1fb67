/**
 * Turns tsoa's FieldErrors into the error-body details: one detail per field, `target` = where the field lives
 * (`body.email`, `body.tags[0]`, `query.limit`, `path.id`, `header.x-request-id`, `form.file`). An excess-property
 * error (tsoa reports all extras of one object in one entry) becomes one detail per property.
 */
import type { FieldErrors, TsoaRoute } from '@tsoa/runtime';
import type { ErrorBodyDetail } from './error-body';
import { HTTP_CODES } from './http-codes';

const EXCESS = /^"(.*)" is an excess property and therefore is not allowed$/;

/** Where each parameter kind lives in the request, for `target`. */
const LOCATION: Partial<Record<TsoaRoute.ParameterSchema['in'], string>> = {
  body: 'body',
  'body-prop': 'body',
  query: 'query',
  queries: 'query',
  path: 'path',
  header: 'header',
  formData: 'form',
};

/** Details for the errors of ONE parameter (`param`), validated into its own FieldErrors. */
export function fieldErrorsToDetails(param: TsoaRoute.ParameterSchema, fields: FieldErrors): ErrorBodyDetail[] {
  const out: ErrorBodyDetail[] = [];
  for (const [key, err] of Object.entries(fields)) {
    const target = toTarget(param, key);
    const excess = EXCESS.exec(err.message);
    if (excess) {
      for (const prop of excess[1]!.split(',')) {
        // Models report each extra under its own key (`body.x`), object literals all extras under the parent.
        const t = target.endsWith(`.${prop}`) ? target : `${target}.${prop}`;
        out.push({ code: HTTP_CODES.FIELD_UNEXPECTED, message: `'${prop}' is not a declared property and is not allowed.`, target: t });
      }
      continue;
    }
    const code = / is required$/.test(err.message) ? HTTP_CODES.FIELD_REQUIRED : HTTP_CODES.FIELD_INVALID;
    out.push({ code, message: err.message, target });
  }
  return out;
}

function toTarget(param: TsoaRoute.ParameterSchema, key: string): string {
  const loc = LOCATION[param.in] ?? param.in;
  // Array elements come back as `.$0`; nested arrays may lose their parent prefix (tsoa quirk), so anchor to the param.
  let rest = key.replace(/\.\$(\d+)/g, '[$1]');
  if (param.in === 'body' || param.in === 'queries') {
    const n = param.name;
    if (rest === n) rest = '';
    else if (rest.startsWith(`${n}.`) || rest.startsWith(`${n}[`)) rest = rest.slice(n.length);
    else rest = `.${rest}`;
    return `${loc}${rest}`;
  }
  if (param.in === 'body-prop' && rest.startsWith('body.')) rest = rest.slice(5);
  return `${loc}.${rest}`;
}
