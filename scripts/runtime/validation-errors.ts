/**
 * Turns tsoa's FieldErrors into the error-body details: one detail per field, `target` = where the field lives
 * (`body.email`, `body.tags[0]`, `query.limit`, `path.id`, `header.x-request-id`, `form.file`). An excess-property
 * error (tsoa reports all extras of one object in one entry) becomes one detail per property. tsoa's terse
 * messages (`min 1`, `Not match in '^E[0-9]{6}$'`, `invalid integer number`) become sentences that name the
 * field (`top must be at least 1`); see friendlyMessage.
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
        out.push({ code: HTTP_CODES.FIELD_UNEXPECTED, message: `${prop} is not a declared property and is not allowed`, target: t });
      }
      continue;
    }
    const code = / is required$/.test(err.message) ? HTTP_CODES.FIELD_REQUIRED : HTTP_CODES.FIELD_INVALID;
    out.push({ code, message: friendlyMessage(leafName(target), err.message, param, key), target });
  }
  return out;
}

/** The field as the caller named it: the last segment of the target (`body.address.city` → `city`). */
function leafName(target: string): string {
  return target.slice(target.lastIndexOf('.') + 1);
}

/** tsoa's messages, by their fixed wording (@tsoa/runtime ValidationService), → what the caller should send. */
const RULES: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/ is required$/, () => 'is required'],
  [/^invalid integer number$/, () => 'must be an integer'],
  [/^invalid float number$/, () => 'must be a number'],
  [/^invalid boolean value$/, () => 'must be true or false'],
  [/^invalid string value$/, () => 'must be a string'],
  [/^invalid array$/, () => 'must be an array'],
  [/^invalid object$/, () => 'must be a JSON object'],
  [/^invalid ISO 8601 date format/, () => 'must be a date (YYYY-MM-DD)'],
  [/^invalid ISO 8601 datetime format/, () => 'must be a date and time (ISO 8601, e.g. 2024-01-31T09:30:00Z)'],
  [/^min (.+)$/, (m) => `must be at least ${m[1]}`],
  [/^max (.+)$/, (m) => `must be at most ${m[1]}`],
  [/^minLength 1$/, () => 'must not be empty'],
  [/^minLength (\d+)$/, (m) => `must be at least ${m[1]} characters long`],
  [/^maxLength (\d+)$/, (m) => `must be at most ${m[1]} characters long`],
  [/^minItems (\d+)$/, (m) => `must have at least ${m[1]} item${m[1] === '1' ? '' : 's'}`],
  [/^maxItems (\d+)$/, (m) => `must have at most ${m[1]} item${m[1] === '1' ? '' : 's'}`],
  [/^required unique array$/, () => 'must not contain duplicate items'],
  [/^minDate '(.+)'$/, (m) => `must be on or after ${m[1]}`],
  [/^maxDate '(.+)'$/, (m) => `must be on or before ${m[1]}`],
  // The route schema does not keep `@format email`, only its pattern; a pattern with an '@' is an address pattern.
  [/^Not match in '(.*@.*)'$/, () => 'must be a valid email address'],
  [/^Not match in '(.*)'$/, (m) => `must match the pattern ${m[1]}`],
  [
    /^should be one of the following; \[(.*)\]$/,
    (m) =>
      `must be one of ${m[1]!
        .split(',')
        .map((v) => v.replace(/^'(.*)'$/, '$1'))
        .join(', ')}`,
  ],
  [/^Could not match the (union|intersection)/, () => 'does not match any of the allowed shapes'],
];

/**
 * A sentence naming the field. Unknown wording is a custom `errorMsg` and is kept, except when it only repeats
 * the field name: tsoa reads method-level `@isInt top` as "isInt with the message 'top'", so a bad `top` would
 * otherwise come back as just "top".
 */
export function friendlyMessage(field: string, message: string, param?: TsoaRoute.ParameterSchema, key?: string): string {
  for (const [re, text] of RULES) {
    const m = re.exec(message);
    if (m) return `${field} ${text(m)}`;
  }
  const name = key?.slice(key.lastIndexOf('.') + 1);
  if (message === field || message === name || message === param?.name) {
    const type = param && param.in !== 'body' && param.in !== 'queries' ? param.dataType : undefined;
    if (type === 'integer' || type === 'long') return `${field} must be an integer`;
    if (type === 'float' || type === 'double') return `${field} must be a number`;
    return `${field} has an invalid value`;
  }
  return message;
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
