/**
 * Microsoft's published connector schemas (vendored in ./schemas, see SOURCE.md there), compiled once per process.
 * Internal `#/…` refs are made absolute against each schema's id so any sub-schema (a oneOf branch) can be compiled
 * on its own when ajv's errors need re-checking branch by branch.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'jsonc-parser';

const DIR = path.join(__dirname, 'schemas');

/** Which published schema. */
export type SchemaName = 'swagger' | 'apiProperties' | 'settings';

const FILES: Record<SchemaName, { file: string; id: string; draft04: boolean }> = {
  swagger: { file: 'apiDefinition.swagger.schema.json', id: 'http://swagger.io/v2/schema.json', draft04: true },
  apiProperties: { file: 'paconn-apiProperties.schema.json', id: 'https://connectorkit.local/paconn-apiProperties.schema.json', draft04: false },
  settings: { file: 'paconn-settings.schema.json', id: 'https://connectorkit.local/paconn-settings.schema.json', draft04: false },
};

interface Compiled {
  ajv: Ajv;
  validate: ValidateFunction;
  branches: WeakMap<object, ValidateFunction | null>;
}

const cache = new Map<SchemaName, Compiled>();

/** Loads a vendored schema (JSONC) with absolute internal refs. */
export function loadSchema(name: SchemaName): Record<string, unknown> {
  const { file, id, draft04 } = FILES[name];
  const schema = parse(readFileSync(path.join(DIR, file), 'utf8'), [], { allowTrailingComma: true }) as Record<string, unknown>;
  // The paconn schemas declare draft-07 but carry a draft-04 `id`; Ajv 8 wants `$id`.
  delete schema.id;
  delete schema.$id;
  if (draft04) schema.id = id + '#';
  else schema.$id = id;
  absolutizeRefs(schema, id);
  return schema;
}

function absolutizeRefs(node: unknown, id: string): void {
  if (Array.isArray(node)) {
    for (const x of node) absolutizeRefs(x, id);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (typeof o.$ref === 'string' && o.$ref.startsWith('#')) o.$ref = id + o.$ref;
  for (const v of Object.values(o)) absolutizeRefs(v, id);
}

function compiled(name: SchemaName): Compiled {
  let c = cache.get(name);
  if (!c) {
    const ajv = FILES[name].draft04
      ? (new AjvDraft04({ strict: false, allErrors: true, verbose: true, validateFormats: true }) as unknown as Ajv)
      : new Ajv({ strict: false, allErrors: true, verbose: true });
    addFormats(ajv as never);
    const validate = ajv.compile(loadSchema(name));
    c = { ajv, validate, branches: new WeakMap() };
    cache.set(name, c);
  }
  return c;
}

/** The compiled validator of a published schema (lazy singleton). */
export function schemaValidator(name: SchemaName): ValidateFunction {
  return compiled(name).validate;
}

/**
 * A validator for one sub-schema (e.g. a oneOf branch) of a published schema, compiled once; undefined when the
 * branch cannot be compiled alone (a branch of the draft-04 meta-schema with refs relative to it).
 */
export function branchValidator(name: SchemaName, sub: object): ValidateFunction | undefined {
  const c = compiled(name);
  if (c.branches.has(sub)) return c.branches.get(sub) ?? undefined;
  let v: ValidateFunction | null;
  try {
    v = c.ajv.compile(sub);
  } catch {
    v = null;
  }
  c.branches.set(sub, v);
  return v ?? undefined;
}
