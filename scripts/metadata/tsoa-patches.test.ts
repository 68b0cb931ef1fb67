/**
 * connectorkit's changes to tsoa (./tsoa-patches.ts) are in force only during its own metadata pass: tsoa used
 * elsewhere in the same process (a project's script, the bench's baseline) reads as tsoa does, and errors tsoa makes
 * during the pass carry their message (with file and line) but not tsoa's internal stack.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import { MetadataGenerator } from '@tsoa/cli/dist/metadataGeneration/metadataGenerator';
import { TypeResolver } from '@tsoa/cli/dist/metadataGeneration/typeResolver';
import { generateMetadata } from './index';
import { withTsoaPatches } from './tsoa-patches';

type ErrorClass = new (message: string) => Error;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- tsoa's module object, as its own modules see it
const exceptions = require('@tsoa/cli/dist/metadataGeneration/exceptions') as { GenerateMetadataError: ErrorClass };
const TESTDATA = path.join(__dirname, '../spec/testdata/tsoa-compat');

const resolverProto = TypeResolver.prototype as unknown as Record<string, unknown>;
const generatorProto = MetadataGenerator.prototype as unknown as Record<string, unknown>;
const current = () => ({ resolve: resolverProto.getModelTypeDeclarations, program: generatorProto.setProgramToDynamicControllersFiles, error: exceptions.GenerateMetadataError });
const hasFrames = (e: Error) => /\n\s+at /.test(e.stack ?? '');

test('a metadata pass leaves tsoa as it found it, also when the pass fails', () => {
  const before = current();
  // The model extending Error needs the lib-declaration change (it crashes plain tsoa with an ES2022 lib).
  const bm = generateMetadata({ root: TESTDATA, entryFile: 'models-api/models-controller.ts', controllerPathGlobs: ['models-api/*.ts'] });
  expect(Object.keys(bm.metadata.referenceTypeMap)).toContain('ApiFailure');
  expect(current()).toEqual(before);
  expect(() => generateMetadata({ root: TESTDATA, entryFile: 'none.ts', controllerPathGlobs: ['no-such-dir/*.ts'] })).toThrow();
  expect(current()).toEqual(before);
  expect(hasFrames(new exceptions.GenerateMetadataError('outside'))).toBe(true);
});

test('inside the pass, tsoa errors keep their message and class but no stack; other errors keep theirs', () => {
  const Original = exceptions.GenerateMetadataError;
  const inside = withTsoaPatches(() => {
    expect(current().error).not.toBe(Original);
    const nested = withTsoaPatches(() => new exceptions.GenerateMetadataError('nested'));
    expect(current().error).not.toBe(Original); // the inner scope ending does not undo the outer one
    return { tsoa: new exceptions.GenerateMetadataError('unsupported type'), nested, other: new TypeError('crash') };
  });
  for (const e of [inside.tsoa, inside.nested]) {
    expect(e).toBeInstanceOf(Original);
    expect(hasFrames(e)).toBe(false);
  }
  expect(inside.tsoa.message).toBe('unsupported type');
  expect(hasFrames(inside.other)).toBe(true);
  expect(current().error).toBe(Original);
  expect(() =>
    withTsoaPatches(() => {
      throw new Error('boom');
    }),
  ).toThrow('boom');
  expect(current().error).toBe(Original);
  expect(Error.stackTraceLimit).toBeGreaterThan(0);
});

test("the program parses the DOM lib and @types/node JSDoc as tsc does, and keeps all of lib.es5's and the project's", () => {
  const controllers = [path.join(TESTDATA, 'models-api/*.ts').split(path.sep).join('/')];
  const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, experimentalDecorators: true, types: ['node'] };
  const programOf = (g: MetadataGenerator) => (g as unknown as { program: ts.Program }).program;
  const patched = programOf(withTsoaPatches(() => new MetadataGenerator('', options, undefined, controllers)));
  const plain = programOf(new MetadataGenerator('', options, undefined, controllers));
  const jsDocOf = (p: ts.Program, file: RegExp, name: string) => {
    const sf = p.getSourceFiles().find((f) => file.test(f.fileName))!;
    const decl = sf.statements.find((s) => (s as { name?: ts.Identifier }).name?.text === name)!;
    return ts.getJSDocCommentsAndTags(decl).length;
  };
  // lib.dom documents `alert` (an MDN link); lib.es5 documents `Partial`, whose text tsoa copies into the spec.
  expect(jsDocOf(plain, /lib\.dom\.d\.ts$/, 'alert')).toBeGreaterThan(0);
  expect(jsDocOf(patched, /lib\.dom\.d\.ts$/, 'alert')).toBe(0);
  expect(jsDocOf(patched, /lib\.es5\.d\.ts$/, 'Partial')).toBeGreaterThan(0);
  expect(jsDocOf(patched, /models-api\/models-controller\.ts$/, 'Profile')).toBe(jsDocOf(plain, /models-api\/models-controller\.ts$/, 'Profile'));
  expect(jsDocOf(patched, /models-api\/models-controller\.ts$/, 'Profile')).toBeGreaterThan(0);
  expect(patched.getSourceFiles().map((f) => f.fileName)).toEqual(plain.getSourceFiles().map((f) => f.fileName));
  // @types/node: the same parse (only comments with @see/@link are kept there).
  const docsIn = (p: ts.Program, file: RegExp) => {
    let n = 0;
    const walk = (node: ts.Node): void => {
      n += (node as { jsDoc?: unknown[] }).jsDoc?.length ?? 0;
      ts.forEachChild(node, walk);
    };
    p.getSourceFiles()
      .filter((f) => file.test(f.fileName))
      .forEach(walk);
    return n;
  };
  const nodeTypes = /node_modules\/@types\/node\//;
  expect(docsIn(plain, nodeTypes)).toBeGreaterThan(1000);
  expect(docsIn(patched, nodeTypes)).toBeLessThan(docsIn(plain, nodeTypes) / 4);
});
