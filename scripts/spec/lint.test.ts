import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isCkError } from '../core/errors';
import { generateMetadata, type BuildMetadata } from '../metadata';
import { assertNoLintErrors, emitSpec, LintError, lintErrorOf, lintMetadata } from './index';
import { compareRoutes, segments } from './lint/route-overlap';
import type { LintFinding } from './types';

const TESTDATA = path.join(__dirname, 'testdata');

/** 1-based line of the first line of `file` (relative to testdata) containing `text`. */
function lineOf(file: string, text: string): number {
  const i = readFileSync(path.join(TESTDATA, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${text} not in ${file}`);
  return i + 1;
}

// One metadata pass over every rule's fixture folder (each uses its own routes and names, so they do not interact).
let bm: BuildMetadata;
let findings: LintFinding[];
beforeAll(() => {
  bm = generateMetadata({ root: TESTDATA, entryFile: 'lint/index.ts', controllerPathGlobs: ['lint/*/*.ts'] });
  findings = lintMetadata(bm);
});

const at = (rule: string) => findings.filter((f) => f.file.startsWith(`lint/${rule}/`)).map((f) => ({ code: f.code, severity: f.severity, where: `${f.file}:${f.line}`, message: f.message }));

describe('lint rules (one fixture each)', () => {
  test('duplicate-operation-id', () => {
    const got = at('duplicate-operation-id');
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ code: 'CK_SPEC_DUPLICATE_OPERATION_ID', severity: 'error' });
    // Reported at one of the two methods, naming the other by file:line.
    const a = `lint/duplicate-operation-id/a-controller.ts:${lineOf('lint/duplicate-operation-id/a-controller.ts', '@Get()')}`;
    const b = `lint/duplicate-operation-id/b-controller.ts:${lineOf('lint/duplicate-operation-id/b-controller.ts', '@Get()')}`;
    expect([a, b]).toContain(got[0].where);
    expect(got[0].message).toContain(got[0].where === a ? b : a);
  });

  test('operation-id-case', () => {
    const file = 'lint/operation-id-case/case-controller.ts';
    expect(at('operation-id-case')).toEqual([
      { code: 'CK_SPEC_OPERATION_ID_CASE', severity: 'warning', where: `${file}:${lineOf(file, '@Get()')}`, message: expect.stringContaining("'get_case_items'") },
    ]);
  });

  test('function-name', () => {
    const file = 'lint/function-name/function-name-controller.ts';
    const got = at('function-name').filter((f) => f.code === 'CK_SPEC_FUNCTION_NAME_INVALID');
    expect(got.map((f) => f.where)).toEqual([`${file}:${lineOf(file, "@Get('first')")}`, `${file}:${lineOf(file, "@Get('host')")}`]);
    expect(got.every((f) => f.severity === 'error')).toBe(true);
  });

  test('body-type', () => {
    const file = 'lint/body-type/body-type-controller.ts';
    expect(at('body-type').map((f) => [f.code, f.where])).toEqual([
      ['CK_SPEC_BODY_NOT_NAMED', `${file}:${lineOf(file, "@Post('primitive')")}`],
      ['CK_SPEC_BODY_NOT_NAMED', `${file}:${lineOf(file, "@Post('inline')")}`],
    ]);
  });

  test('union-degrade', () => {
    const file = 'lint/union-degrade/union-controller.ts';
    const got = at('union-degrade');
    expect(got.map((f) => [f.code, f.severity, f.where, f.message.split(':')[0]])).toEqual([
      ['CK_SPEC_UNION_DEGRADED', 'warning', `${file}:${lineOf(file, '@Post()')}`, 'Drawing.parent (used by UnionController.draw)'],
      ['CK_SPEC_UNION_DEGRADED', 'error', `${file}:${lineOf(file, '@Post()')}`, 'Drawing.shape (used by UnionController.draw)'],
      ['CK_SPEC_UNION_DEGRADED', 'error', `${file}:${lineOf(file, '@Get()')}`, 'response 200 of UnionController.lastValue'],
    ]);
    // String-literal unions (colour) become enum and are fine.
    expect(got.some((f) => f.message.includes('colour'))).toBe(false);
  });

  test('body-on-get', () => {
    const file = 'lint/body-on-get/body-on-get-controller.ts';
    expect(at('body-on-get').map((f) => [f.code, f.severity, f.where])).toEqual([['CK_SPEC_BODY_ON_GET', 'error', `${file}:${lineOf(file, '@Get()')}`]]);
  });

  test('route-overlap', () => {
    const file = 'lint/route-overlap/overlap-controller.ts';
    const got = at('route-overlap');
    expect(got.map((f) => [f.code, f.where])).toEqual([['CK_SPEC_ROUTE_SHADOWED', `${file}:${lineOf(file, "@Get('me')")}`]]);
    expect(got[0].message).toContain(`overlap/{id} (GetItem, ${file}:${lineOf(file, "@Get('{id}')")})`);
  });

  test('route-overlap compares complex segments (export-{id}) the way the host matches them', () => {
    const file = 'lint/route-complex/complex-controller.ts';
    const got = at('route-complex');
    // export-{id} is tried first and {name} gets the rest: no finding. {name} before v-{id}: a real shadow.
    expect(got.map((f) => [f.code, f.where])).toEqual([['CK_SPEC_ROUTE_SHADOWED', `${file}:${lineOf(file, "@Get('archive/v-{id}')")}`]]);
  });

  test('@Hidden methods are linted like any other (they still become Functions)', () => {
    const got = at('hidden-duplicate');
    expect(got.map((f) => [f.code, f.severity])).toEqual([['CK_SPEC_DUPLICATE_OPERATION_ID', 'error']]);
    expect(got[0].message).toContain("'Ping'");
  });

  test('no-operation: an exported controller without @Route and a public async method without a verb warn with file:line', () => {
    const file = 'lint/no-operation/no-operation-controller.ts';
    expect(at('no-operation').map((f) => [f.code, f.severity, f.where])).toEqual([
      ['CK_SPEC_NO_OPERATION', 'warning', `${file}:${lineOf(file, 'public async create()')}`],
      ['CK_SPEC_NO_OPERATION', 'warning', `${file}:${lineOf(file, 'export class ForgottenController')}`],
    ]);
  });

  test('middlewares: a (request, context) middleware is fine; an Express-style one fails with file:line', () => {
    const file = 'lint/middlewares/middlewares-controller.ts';
    expect(at('middlewares').map((f) => [f.code, f.severity, f.where])).toEqual([['CK_SPEC_MIDDLEWARE_SIGNATURE', 'error', `${file}:${lineOf(file, '@Middlewares(expressStyle)')}`]]);
    expect(
      bm.middlewares
        ?.filter((m) => m.controller === 'MiddlewaresController')
        .map((m) => m.method ?? '(class)')
        .sort(),
    ).toEqual(['(class)', 'express', 'fine']);
  });

  test('route-reserved', () => {
    const file = 'lint/route-reserved/reserved-controller.ts';
    expect(at('route-reserved').map((f) => [f.code, f.where])).toEqual([['CK_SPEC_ROUTE_RESERVED', `${file}:${lineOf(file, '@Get()')}`]]);
  });

  test('param-extension-literal', () => {
    const file = 'lint/param-extension-literal/param-extension-controller.ts';
    expect(at('param-extension-literal').map((f) => [f.code, f.where])).toEqual([
      ['CK_SPEC_PARAM_EXTENSION_NOT_LITERAL', `${file}:${lineOf(file, 'VISIBILITY) page')}`],
      ['CK_SPEC_PARAM_EXTENSION_NOT_LITERAL', `${file}:${lineOf(file, "'visibility'")}`],
    ]);
    // Nested literals (arrays, negatives, null) are read.
    expect(bm.paramExtensions?.ParamExtensionController?.listWithExtensions?.filter).toEqual({ 'x-ms-test-value': { nested: [1, -2, true, null, 'x'] } });
  });

  test('too-many-operations (synthetic metadata)', () => {
    const method = bm.metadata.controllers.find((c) => c.name === 'ReservedController')!.methods[0];
    const methods = Array.from({ length: 257 }, (_, i) => ({ ...method, name: `op${i}`, path: `x${i}` }));
    const big: BuildMetadata = { ...bm, metadata: { ...bm.metadata, controllers: [{ ...bm.metadata.controllers[0], name: 'Big', path: 'big', methods }] }, paramExtensionIssues: [] };
    expect(lintMetadata(big).filter((f) => f.code === 'CK_SPEC_TOO_MANY_OPERATIONS')).toHaveLength(1);
  });

  test('every finding carries a hint, and findings are sorted by file and line', () => {
    expect(findings.every((f) => f.hint.length > 0)).toBe(true);
    const keys = findings.map((f) => [f.file, f.line] as const);
    expect([...keys].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]))).toEqual(keys);
  });

  test('emitSpec still produces valid-shaped bodies for primitive and inline @Body', () => {
    const { spec } = emitSpec(bm, { title: 'L', description: '', version: '1', host: 'h', basePath: '/api', schemes: ['https'] });
    const body = (p: string) => (spec.paths[p].post as { parameters: Array<Record<string, unknown>> }).parameters[0];
    expect(body('/body-type/primitive')).toMatchObject({ in: 'body', schema: { type: 'string' } });
    expect(body('/body-type/primitive').type).toBeUndefined();
    expect(body('/body-type/inline')).toMatchObject({ in: 'body', schema: { type: 'object' } });
  });
});

test('emit-time warnings: x-* dropped beside a recursive $ref, @ParamExtension on a non-Swagger parameter', () => {
  const file = 'lint/emit-warnings/emit-warnings-controller.ts';
  const { findings: all } = emitSpec(bm, { title: 'L', description: '', version: '1', host: 'h', basePath: '/api', schemes: ['https'] });
  const got = all.filter((f) => f.file === file).map((f) => [f.code, f.severity, `${f.file}:${f.line}`]);
  expect(got).toEqual([
    ['CK_SPEC_PARAM_EXTENSION_UNMATCHED', 'warning', `${file}:${lineOf(file, '@Get()')}`],
    ['CK_SPEC_REF_SIBLING_DROPPED', 'warning', `${file}:${lineOf(file, '@Get()')}`],
  ]);
  expect(at('emit-warnings')).toEqual([]);
});

describe('LintError', () => {
  test('collects every error finding into one CK_SPEC_LINT_FAILED with file:line details', () => {
    const err = lintErrorOf(findings);
    expect(err).toBeInstanceOf(LintError);
    expect(isCkError(err)).toBe(true);
    expect(err!.code).toBe('CK_SPEC_LINT_FAILED');
    expect(err!.source).toBe('user');
    const errors = findings.filter((f) => f.severity === 'error');
    expect(err!.details).toHaveLength(errors.length);
    expect(err!.details![0]).toEqual({ code: errors[0].code, target: `${errors[0].file}:${errors[0].line}`, message: `${errors[0].message} — ${errors[0].hint}` });
    // The location is the target only: neither the message nor a detail's message repeats it.
    for (const [i, d] of err!.details!.entries()) expect(d.message).not.toContain(`${errors[i].file}:${errors[i].line}`);
    expect(err!.message).toBe(`${errors.length} problems in the controllers.`);
    expect(() => assertNoLintErrors(findings)).toThrow(LintError);
    expect(() => assertNoLintErrors(findings.filter((f) => f.severity === 'warning'))).not.toThrow();
  });

  test('a construct tsoa itself rejects (@Body on GET) fails the metadata step with file:line', () => {
    let caught: unknown;
    try {
      generateMetadata({ root: TESTDATA, entryFile: 'metadata-error/body-on-get-controller.ts', controllerPathGlobs: ['metadata-error/*.ts'] });
    } catch (e) {
      caught = e;
    }
    const file = 'metadata-error/body-on-get-controller.ts';
    expect(caught).toMatchObject({ code: 'CK_SPEC_METADATA_FAILED', target: `${file}:${lineOf(file, '@Get()')}` });
  });
});

describe('compareRoutes', () => {
  const s = (r: string) => r.split('/').map((x) => (x.startsWith('{*') ? { kind: 'rest' as const } : x.startsWith('{') ? { kind: 'param' as const } : { kind: 'lit' as const, text: x }));
  test.each([
    ['a/{id}', 'a/me', 'shadow'],
    ['a/me', 'a/{id}', undefined],
    ['a/{id}', 'a/{key}', 'same'],
    ['a/{id}', 'b/me', undefined],
    ['a/{id}', 'a/{id}/x', undefined],
    ['a/{*rest}', 'a/b/c', 'shadow'],
    ['a/b', 'a/{*rest}', undefined],
    ['{x}/me', 'a/{y}', 'shadow'],
  ])('%s before %s → %s', (a, b, want) => expect(compareRoutes(s(a), s(b))).toBe(want));
  test.each([
    ['r/export-{id}', 'r/{name}', undefined],
    ['r/{name}', 'r/export-{id}', 'shadow'],
    ['r/export-{id}', 'r/export-5', 'shadow'],
    ['r/export-{id}', 'r/import', undefined],
    ['r/import', 'r/export-{id}', undefined],
    ['r/{a}.{b}', 'r/{x}.{y}', 'same'],
    ['r/{a}.json', 'r/{a}.xml', undefined],
  ])('complex segments: %s before %s → %s', (a, b, want) => expect(compareRoutes(segments(a), segments(b))).toBe(want));
});
