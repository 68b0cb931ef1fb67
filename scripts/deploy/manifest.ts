/**
 * Loads the desired-state data under infra/ (Entra app manifests, APIM definitions): reads the project's file
 * (falling back to connectorkit's own copy, like the policy template), checks it against its JSON schema
 * definition and its `${name}` placeholders against the values the deploy can supply, and fills those in.
 * Every problem is a CK_DEPLOY_INFRA_INVALID naming the file and the key path.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { CkError, type ErrorDetail } from '../core/errors';
import './codes';

/** A JSON document from infra/: plain data, `$comment`/`$schema` removed. */
export type Manifest = Record<string, unknown>;

/** Which file, which schema definition, and which placeholders it may use. */
export interface ManifestSpec {
  /** Repo-relative, e.g. `infra/entra/api-app.json`. */
  file: string;
  /** Repo-relative schema file, e.g. `infra/entra/schema.json`. */
  schema: string;
  /** Name under the schema's `definitions`. */
  definition: string;
  /** Placeholders the deploy fills for this file. */
  placeholders: readonly string[];
}

const PLACEHOLDER = /\$\{(\w+)\}/g;
const validators = new Map<string, ValidateFunction>();

/** The project's copy when it has one, else the copy shipped with connectorkit. */
export function infraPath(root: string, rel: string): string {
  const own = path.join(root, rel);
  return existsSync(own) ? own : path.join(__dirname, '..', rel);
}

function invalid(file: string, message: string, details?: ErrorDetail[], keyPath?: string): CkError {
  return new CkError({ code: 'CK_DEPLOY_INFRA_INVALID', message, ...(details ? { details } : {}), target: keyPath ? `${file}#${keyPath}` : file });
}

/**
 * The compiled validator of `schemaFile` (its `definitions[definition]` when given, else the whole schema), compiled
 * once per schema text — the project's copy of a schema may differ from connectorkit's.
 */
export function schemaFileValidator(schemaFile: string, definition?: string): ValidateFunction {
  const text = readFileSync(schemaFile, 'utf8');
  const key = `${definition ?? ''}\n${text}`;
  let v = validators.get(key);
  if (!v) {
    const schema = JSON.parse(text) as { $id?: string; definitions?: Record<string, unknown> };
    if (definition !== undefined && !schema.definitions?.[definition]) throw new Error(`${schemaFile} has no definition "${definition}"`);
    const id = schema.$id ?? `connectorkit:${schemaFile}`;
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema({ ...schema, $id: id });
    v = ajv.getSchema(definition !== undefined ? `${id}#/definitions/${definition}` : id)!;
    validators.set(key, v);
  }
  return v;
}

const dotted = (pointer: string) => pointer.replace(/^\//, '').replace(/\//g, '.').replace(/~1/g, '/').replace(/~0/g, '~') || '(root)';

/** Reads, schema-checks and placeholder-checks one infra/ document (not yet filled). */
export function loadManifest(root: string, spec: ManifestSpec): Manifest {
  const file = infraPath(root, spec.file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw invalid(spec.file, `${spec.file} is not valid JSON: ${(e as Error).message}`);
  }
  const validate = schemaFileValidator(infraPath(root, spec.schema), spec.definition);
  if (!validate(raw)) {
    const details = (validate.errors ?? [])
      .filter((er) => !['oneOf', 'anyOf', 'if', '$ref'].includes(er.keyword))
      .map((er) => {
        const extra =
          er.keyword === 'additionalProperties'
            ? ` "${(er.params as { additionalProperty: string }).additionalProperty}"`
            : er.keyword === 'enum'
              ? `: ${(er.params as { allowedValues: unknown[] }).allowedValues.map((a) => JSON.stringify(a)).join(', ')}`
              : '';
        const key = dotted(er.instancePath);
        return { code: er.keyword, message: `${spec.file}: ${key} ${er.message}${extra}`, target: `${spec.file}#${key}` };
      });
    const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
    throw invalid(spec.file, `${details[0]?.message ?? `${spec.file} does not match its schema`}${more}.`, details, details[0]?.target.split('#')[1]);
  }
  const { $comment: _c, $schema: _s, ...data } = raw as Manifest;
  checkPlaceholders(data, spec);
  return data;
}

function checkPlaceholders(v: unknown, spec: ManifestSpec, at = ''): void {
  if (typeof v === 'string') {
    for (const m of v.matchAll(PLACEHOLDER)) {
      if (!spec.placeholders.includes(m[1]!)) throw invalid(spec.file, `${spec.file}: ${at || '(root)'} uses unknown placeholder \${${m[1]}}.`, undefined, at || '(root)');
    }
  } else if (Array.isArray(v)) v.forEach((x, i) => checkPlaceholders(x, spec, at ? `${at}.${i}` : String(i)));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) checkPlaceholders(x, spec, at ? `${at}.${k}` : k);
}

/**
 * Replaces `${name}` in every string of `template` with `values[name]`. Names listed in `keep` stay as written
 * (for values computed from the filled document itself). An unknown name throws, naming `file` and the key path.
 */
export function fill<T>(template: T, values: Record<string, string>, file: string, keep: readonly string[] = [], at = ''): T {
  if (typeof template === 'string') {
    return template.replace(PLACEHOLDER, (m, k: string) => {
      if (keep.includes(k)) return m;
      const v = values[k];
      if (v === undefined) throw invalid(file, `${file}: ${at || '(root)'} uses unknown placeholder \${${k}}.`, undefined, at || '(root)');
      return v;
    }) as T;
  }
  if (Array.isArray(template)) return template.map((x, i) => fill(x, values, file, keep, at ? `${at}.${i}` : String(i))) as T;
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([k, x]) => [k, fill(x, values, file, keep, at ? `${at}.${k}` : k)])) as T;
  }
  return template;
}
