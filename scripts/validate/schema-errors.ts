/**
 * Turns ajv's raw errors into leaf errors a person can act on. With `allErrors`, ajv reports every branch of a
 * failed `oneOf`/`anyOf` (a header parameter fails the body, query, path, formData and $ref branches too), so for
 * each failed combinator we re-validate the value against each branch alone and keep only the best-fitting branch:
 * the one with the fewest errors that no relaxation covers, then the fewest errors overall.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { branchValidator, type SchemaName } from './schemas';
import { getAt, isUnder } from './pointer';

/** A schema error at one place of the document. */
export interface LeafError {
  keyword: string;
  /** JSON pointer of the offending value. */
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
  /** The offending value. */
  data?: unknown;
}

/** Decides whether a relaxation covers an error (relaxed errors weigh less when choosing a branch). */
export type RelaxedFn = (e: LeafError) => boolean;

const MAX_DEPTH = 8;

/** Runs `validate` on `doc` and returns the leaf errors. */
export function leafErrors(schema: SchemaName, validate: ValidateFunction, doc: unknown, relaxed: RelaxedFn): LeafError[] {
  if (validate(doc)) return [];
  return reduce(schema, validate.errors ?? [], '', doc, relaxed, 0);
}

function reduce(schema: SchemaName, errs: ErrorObject[], prefix: string, doc: unknown, relaxed: RelaxedFn, depth: number): LeafError[] {
  const all = errs.map((e) => ({ ...e, instancePath: prefix + e.instancePath }));
  // Outermost first: shorter paths first and, at one path, the later error (ajv reports a combinator after its branches).
  const combos = all
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort((a, b) => a.e.instancePath.length - b.e.instancePath.length || b.i - a.i)
    .map(({ e }) => e);
  let rest = all.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
  const out: LeafError[] = [];
  const handled: string[] = [];
  for (const c of combos) {
    if (handled.some((h) => isUnder(c.instancePath, h))) continue;
    handled.push(c.instancePath);
    rest = rest.filter((e) => !isUnder(e.instancePath, c.instancePath));
    const value = getAt(doc, c.instancePath);
    const branches = Array.isArray(c.schema) ? (c.schema as object[]) : [];
    const passing = (c.params as { passingSchemas?: unknown }).passingSchemas;
    if (passing != null || branches.length === 0 || depth >= MAX_DEPTH) {
      out.push(toLeaf(c, value));
      continue;
    }
    let best: LeafError[] | undefined;
    let bestScore: [number, number] = [Infinity, Infinity];
    const validators = branches.map((b) => branchValidator(schema, b));
    if (validators.some((v) => !v)) {
      out.push(toLeaf(c, value));
      continue;
    }
    for (const v of validators as ValidateFunction[]) {
      if (v(value)) {
        best = [];
        break;
      }
      const sub = reduce(schema, v.errors ?? [], c.instancePath, doc, relaxed, depth + 1);
      const score: [number, number] = [sub.filter((e) => !relaxed(e)).length, sub.length];
      if (score[0] < bestScore[0] || (score[0] === bestScore[0] && score[1] < bestScore[1])) {
        best = sub;
        bestScore = score;
      }
    }
    out.push(...(best ?? [toLeaf(c, value)]));
  }
  for (const e of rest) out.push(toLeaf(e, e.data));
  return dedupe(out);
}

function toLeaf(e: ErrorObject, data: unknown): LeafError {
  return { keyword: e.keyword, instancePath: e.instancePath, params: e.params as Record<string, unknown>, message: e.message ?? e.keyword, data };
}

function dedupe(xs: LeafError[]): LeafError[] {
  const seen = new Set<string>();
  return xs.filter((e) => {
    const k = `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Microsoft's rule id for a schema error kind (the Learn "Fix Swagger Validator errors" page), else SchemaViolation. */
export function ruleIdOf(e: LeafError): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return 'AdditionalPropertyNotAllowed';
    case 'required':
      return 'RequiredPropertyMissing';
    case 'type':
      return 'JsonTypeIncorrect';
    case 'enum':
      return 'JsonValueNotInEnum';
    default:
      return 'SchemaViolation';
  }
}

/** A readable message and the pointer to report. */
export function describe(e: LeafError): { message: string; pointer: string } {
  const p = e.params;
  const at = e.instancePath || '/';
  switch (e.keyword) {
    case 'additionalProperties':
      return {
        message: `The property '${String(p.additionalProperty)}' is not allowed here by Microsoft's schema.`,
        pointer: `${e.instancePath}/${String(p.additionalProperty).replace(/~/g, '~0').replace(/\//g, '~1')}`,
      };
    case 'required':
      return { message: `The '${String(p.missingProperty)}' property is required.`, pointer: e.instancePath };
    case 'type':
      return { message: `Expected type '${String(p.type)}' but the value is ${kind(e.data)}.`, pointer: e.instancePath };
    case 'enum':
      return { message: `The value ${short(e.data)} must be one of: ${(p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}.`, pointer: e.instancePath };
    case 'oneOf':
    case 'anyOf':
      return { message: `The value at ${at} does not match any allowed shape.`, pointer: e.instancePath };
    default:
      return { message: `The value at ${at} ${e.message}.`, pointer: e.instancePath };
  }
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `of type '${typeof v}'`;
}

function short(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 60 ? s.slice(0, 57) + '…' : s;
}
