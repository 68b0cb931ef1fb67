/**
 * Three changes to tsoa 6.6.0's metadata generation (all still apply upstream), in force only while connectorkit's own
 * metadata pass runs ({@link withTsoaPatches}): tsoa used elsewhere in the same process (a project's own script, the
 * bench's baseline) reads as tsoa does.
 *
 * 1. A workaround in TypeResolver: `getModelTypeDeclarations` drops every declaration from TypeScript's lib files
 *    when a type has more than one, so a model that extends `Error` crashes the metadata pass ("Cannot use 'in'
 *    operator to search for 'typeParameters' in undefined") as soon as the lib is ES2022 (lib.es5 and
 *    lib.es2022.error both declare Error). tsoa's default options load only lib.es5's Error; this keeps exactly that
 *    declaration, so the model reads as `tsoa spec` reads it (name, message, stack).
 * 2. tsoa checks its assumptions with `throwUnless(condition, new GenerateMetadataError(…))`, so it constructs an
 *    error for every check, thrown or not, and each captures a stack trace: about a third of tsoa's own generation
 *    time. The error's message already names the file and line of the code it is about; its stack (tsoa's
 *    internals) is left out. Errors of any other kind (a crash inside tsoa) keep theirs.
 * 3. The program is created as `tsc` creates its own for the host platform's API declarations (TypeScript's DOM,
 *    web worker and script host libs, and @types/node: most of any program's text): their JSDoc is parsed only where
 *    a type error could depend on it (`@see`/`@link`), about a quarter of their parse time. They declare runtime
 *    APIs, not the data an API's models describe. The language's own libs (lib.es5 with `Partial`, `Pick`,
 *    `Record`…, whose descriptions tsoa copies into the spec, and lib.es20xx), the project's files and every other
 *    package keep all their JSDoc (descriptions, validators, examples).
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import { MetadataGenerator } from '@tsoa/cli/dist/metadataGeneration/metadataGenerator';
import { TypeResolver } from '@tsoa/cli/dist/metadataGeneration/typeResolver';
import { importClassesFromDirectories } from '@tsoa/cli/dist/utils/importClassesFromDirectories';

type Resolver = {
  getModelTypeDeclarations(type: ts.EntityName): ts.Node[];
  getSymbolAtLocation(type: ts.Node): ts.Symbol | undefined;
  nodeIsUsable(node: ts.Node): boolean;
};

type ErrorClass = new (message: string, node?: ts.Node, onlyCurrent?: boolean) => Error;
/**
 * tsoa's exceptions module itself (its other modules read `exceptions_1.GenerateMetadataError` at each use), not an
 * import's copy of it.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object, see above
const exceptions = require('@tsoa/cli/dist/metadataGeneration/exceptions') as { GenerateMetadataError: ErrorClass };

type Generator = { compilerOptions?: ts.CompilerOptions; setProgramToDynamicControllersFiles(controllers: string[], esm: boolean): ts.Program };

const resolverProto = TypeResolver.prototype as unknown as Resolver;
const generatorProto = MetadataGenerator.prototype as unknown as Generator;
const original = {
  getModelTypeDeclarations: resolverProto.getModelTypeDeclarations,
  GenerateMetadataError: exceptions.GenerateMetadataError,
  setProgramToDynamicControllersFiles: generatorProto.setProgramToDynamicControllersFiles,
};

function getModelTypeDeclarations(this: Resolver, type: ts.EntityName): ts.Node[] {
  const found = original.getModelTypeDeclarations.call(this, type);
  if (found.length) return found;
  const name = ts.isIdentifier(type) ? type.text : type.right.text;
  const libOnly = (this.getSymbolAtLocation(type)?.getDeclarations() ?? []).filter(
    (d) => this.nodeIsUsable(d) && (d as { name?: ts.Node }).name?.getText() === name && /[\\/]node_modules[\\/]typescript[\\/]lib[\\/]lib\./i.test(d.getSourceFile().fileName),
  );
  // The first lib declaration is lib.es5's (the one tsoa's default ES5 lib holds).
  return libOnly.slice(0, 1);
}

class GenerateMetadataError extends original.GenerateMetadataError {
  constructor(message: string, node?: ts.Node, onlyCurrent?: boolean) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message, node, onlyCurrent);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

/** The host platform's API declarations (see 3. above). */
function isPlatformApi(fileName: string, libDir: string): boolean {
  const f = fileName.split('\\').join('/');
  return (f.startsWith(libDir) && /^lib\.(dom|webworker|scripthost)\b[^/]*\.d\.ts$/.test(f.slice(libDir.length))) || /\/node_modules\/@types\/node\//.test(f);
}

/** tsoa's own method (find the controller files, create the program) with a host that parses as described above. */
function setProgramToDynamicControllersFiles(this: Generator, controllers: string[], esm: boolean): ts.Program {
  const files = importClassesFromDirectories(controllers, esm ? ['.mts', '.ts', '.cts'] : ['.ts']);
  if (files.length === 0) throw new exceptions.GenerateMetadataError(`[${controllers.join(', ')}] globs found 0 controllers.`);
  const options = this.compilerOptions ?? {};
  const host = ts.createCompilerHost(options);
  const libDir = path.dirname(ts.getDefaultLibFilePath(options)).split(path.sep).join('/') + '/';
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    const opts = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    const mode = isPlatformApi(fileName, libDir) ? { jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors } : {};
    return getSourceFile.call(host, fileName, { ...opts, ...mode }, onError, shouldCreateNewSourceFile);
  };
  return ts.createProgram({ rootNames: files, options, host });
}

let depth = 0;

/** Runs `fn` (synchronous: nothing else of the process runs meanwhile) with both changes in force. */
export function withTsoaPatches<T>(fn: () => T): T {
  if (depth++ === 0) {
    resolverProto.getModelTypeDeclarations = getModelTypeDeclarations;
    exceptions.GenerateMetadataError = GenerateMetadataError;
    generatorProto.setProgramToDynamicControllersFiles = setProgramToDynamicControllersFiles;
  }
  try {
    return fn();
  } finally {
    if (--depth === 0) {
      resolverProto.getModelTypeDeclarations = original.getModelTypeDeclarations;
      exceptions.GenerateMetadataError = original.GenerateMetadataError;
      generatorProto.setProgramToDynamicControllersFiles = original.setProgramToDynamicControllersFiles;
    }
  }
}
