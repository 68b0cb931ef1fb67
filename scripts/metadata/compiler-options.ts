/**
 * The compiler options of the ONE TypeScript program a build creates (tsoa's metadata pass and the type check share
 * it). They are the project's own tsconfig.json options, because the type check must judge the code the way the
 * team compiles it; tsoa itself would read with `{}` (tsoa.json's compilerOptions, usually absent). Where that
 * difference changes what tsoa reads, ./normalise.ts and ./tsoa-patches.ts make the result equal tsoa's own
 * reading (see docs/tsoa-features.md).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { CkError } from '../core/errors';
import { PROJECT_COMPILER_OPTIONS } from '../core/project-tsconfig';
import '../spec/codes';

/**
 * Used when the project has no tsconfig.json: the options `connectorkit init` writes (../core/project-tsconfig.ts).
 * Node's types join only when @types/node is installed (a missing one would be an error of its own, TS2688).
 */
export function defaultCompilerOptions(root: string): ts.CompilerOptions {
  const { options } = ts.convertCompilerOptionsFromJson(PROJECT_COMPILER_OPTIONS, root);
  // configFilePath anchors where `types` are looked up (node_modules/@types above the root, not above the process's cwd).
  return { ...options, types: hasNodeTypes(root) ? ['node'] : [], configFilePath: path.join(root, 'tsconfig.json') };
}

function hasNodeTypes(root: string): boolean {
  try {
    require.resolve('@types/node/package.json', { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

/**
 * Forced whatever the tsconfig says: tsoa's parameter decorators exist only as legacy decorators (the bundle forces
 * them too), and the build never emits through TypeScript (esbuild bundles).
 */
const FORCED: ts.CompilerOptions = { experimentalDecorators: true, noEmit: true, composite: false, incremental: false, declaration: false, declarationMap: false, emitDeclarationOnly: false };

/** The bundle aliases `@connectorkit/runtime` to this package's runtime (scripts/bundle); the type check resolves it alike. */
const RUNTIME_ENTRY = path.resolve(__dirname, '../runtime/index.ts');

function withRuntimePath(o: ts.CompilerOptions): ts.CompilerOptions {
  return { ...o, ...FORCED, paths: { '@connectorkit/runtime': [RUNTIME_ENTRY], ...o.paths } };
}

/** Reads `<root>/tsconfig.json` (with `extends`) into compiler options; defaults when the file is absent. */
export function projectCompilerOptions(root: string): ts.CompilerOptions {
  const file = path.join(root, 'tsconfig.json');
  if (!existsSync(file)) return withRuntimePath(defaultCompilerOptions(root));
  const read = ts.readConfigFile(file, (f) => ts.sys.readFile(f));
  const parsed = read.error ? undefined : ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, file);
  const errors = read.error ? [read.error] : (parsed?.errors ?? []).filter((d) => d.code !== 18003); // 18003: no inputs (we give the roots)
  if (errors.length || !parsed) {
    const text = errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ');
    throw new CkError({ code: 'CK_SPEC_TSCONFIG_INVALID', message: `tsconfig.json cannot be read: ${text}`, target: 'tsconfig.json' });
  }
  return withRuntimePath(parsed.options);
}
