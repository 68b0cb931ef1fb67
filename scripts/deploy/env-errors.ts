/**
 * Readable CK_DEPLOY_ENV_INVALID errors for an environment file: a JSON syntax error with its line and column, and
 * schema problems as one detail per key path in plain words (ajv's keywords and its per-branch `oneOf` noise are
 * translated, not passed through).
 */
import type { ErrorObject } from 'ajv';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { CkError, type ErrorDetail } from '../core/errors';
import './codes';

const SCHEMA_FILE = 'infra/environments/schema.json';
const CLOUD_MESSAGE = 'cloud must be "AzureCloud", "AzureChinaCloud", "AzureUSGovernment" or a custom endpoints object';

/** The file is not JSON at all: where (line:column) and what the parser expected. */
export function envSyntaxError(rel: string, text: string, cause: Error): CkError {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return new CkError({ code: 'CK_DEPLOY_ENV_INVALID', message: `${rel} is not valid JSON: ${cause.message}`, hint: `Fix the JSON syntax of ${rel}.`, target: rel });
  const before = text.slice(0, first.offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  const what = printParseErrorCode(first.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return new CkError({
    code: 'CK_DEPLOY_ENV_INVALID',
    message: `${rel} is not valid JSON: ${what} at line ${line}, column ${column}.`,
    hint: `Fix the JSON syntax at ${rel}:${line}:${column} (comments and trailing commas are not allowed), then re-run.`,
    target: `${rel}:${line}:${column}`,
  });
}

function keyPath(pointer: string): string {
  return pointer
    .replace(/^\//, '')
    .split('/')
    .filter(Boolean)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function join(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}

/** One plain sentence per ajv error, naming the key path (null = noise already covered by another detail). */
function describe(er: ErrorObject, raw: unknown): { key: string; text: string } | null {
  const at = keyPath(er.instancePath);
  const p = er.params as Record<string, any>;
  if (at === 'cloud' || er.schemaPath.startsWith('#/properties/cloud/oneOf')) {
    // The cloud is a name or an endpoints object: a wrong name or a non-object gets one sentence; an object gets
    // only the errors of the object branch (nested keys, unknown keys, missing endpoints).
    const cloud = (raw as { cloud?: unknown } | null)?.cloud;
    const cloudIsObject = cloud !== null && typeof cloud === 'object' && !Array.isArray(cloud);
    if (!cloudIsObject) return er.keyword === 'oneOf' ? { key: 'cloud', text: CLOUD_MESSAGE } : null;
    if (er.keyword === 'oneOf' || er.schemaPath.startsWith('#/properties/cloud/oneOf/0/')) return null;
  } else if (er.keyword === 'oneOf' || er.keyword === 'if') return null;
  switch (er.keyword) {
    case 'required':
      return { key: join(at, p.missingProperty), text: `${join(at, p.missingProperty)} is missing (required)` };
    case 'additionalProperties':
      return { key: join(at, p.additionalProperty), text: `${join(at, p.additionalProperty)} is not a known key (check its spelling and place; see ${SCHEMA_FILE})` };
    case 'enum':
      return { key: at, text: `${at || '(root)'} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'type':
      return { key: at, text: `${at || '(root)'} must be ${/^[aeiou]/.test(String(p.type)) ? 'an' : 'a'} ${p.type}` };
    case 'pattern':
      return { key: at, text: `${at} must match the pattern ${p.pattern}` };
    default:
      return { key: at, text: `${at || '(root)'} ${er.message}` };
  }
}

/** The file is JSON but does not match the schema: one detail per problem, each naming the key path. */
export function envSchemaError(rel: string, errors: ErrorObject[], raw: unknown): CkError {
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const er of errors) {
    const d = describe(er, raw);
    if (!d || seen.has(d.text)) continue;
    seen.add(d.text);
    details.push({ code: 'CK_DEPLOY_ENV_INVALID', message: `${rel}: ${d.text}`, target: `${rel}#${d.key || '(root)'}` });
  }
  const n = details.length;
  return new CkError({ code: 'CK_DEPLOY_ENV_INVALID', message: `${rel} does not match ${SCHEMA_FILE} (${n} problem${n === 1 ? '' : 's'}).`, details, target: rel });
}
