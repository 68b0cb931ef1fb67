/**
 * Runs tsoa's MetadataGenerator ONCE per build. Spec, routes, lint and export all consume its result, and the type
 * check (./type-check.ts) reuses its TypeScript program. Also records file:line of every controller and method
 * from the TypeScript nodes, which tsoa's metadata lacks.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import { MetadataGenerator } from '@tsoa/cli/dist/metadataGeneration/metadataGenerator';
import { CkError } from '../core/errors';
import { readAuthNames } from './auth-names';
import { projectCompilerOptions } from './compiler-options';
import { dropUndefinedFromUnions } from './normalise';
import { readParamExtensions } from './param-extensions';
import { readSourceFacts } from './source-facts';
import { readTriggerDecorators } from './trigger-decorators';
import { withTsoaPatches } from './tsoa-patches';
import { typeCheck, typeCheckAsync } from './type-check';
import type { AuthModuleFacts, BuildMetadata, LocationMap, SourceLocation, TypeErrorFinding } from './types';

export interface GenerateMetadataOptions {
  /** Absolute project root; locations are relative to it. */
  root: string;
  entryFile: string;
  controllerPathGlobs: string[];
  /** Default: the project's tsconfig.json options (./compiler-options.ts). */
  compilerOptions?: ts.CompilerOptions;
  /**
   * The auth module: also a root of the program, so the type check covers it and the build can read the
   * `securityNames` it declares (./auth-names.ts).
   */
  authModule?: string;
  /**
   * Instead of `authModule`: the facts of an auth module that is not the project's code (the runtime's built-in
   * Entra check, whose names scripts/runtime/entra/names.ts declares), so it need not join the program.
   */
  auth?: AuthModuleFacts;
  /** Collect TypeScript errors in the project's files into `typeErrors` (the build does; lint tests need not). */
  typeCheck?: boolean;
}

/** The metadata pass, with the type check still to run on its program (the build runs it while it bundles). */
export interface MetadataPass {
  bm: BuildMetadata;
  /** The project's TypeScript errors, from the pass's own program (./type-check.ts); yields between files. */
  typeErrors(): Promise<TypeErrorFinding[]>;
}

export function generateMetadata(opts: GenerateMetadataOptions): BuildMetadata {
  const pass = metadataPass(opts);
  return opts.typeCheck ? { ...pass.bm, typeErrors: typeCheck(pass.program, opts.root) } : pass.bm;
}

/** generateMetadata without the type check; `typeErrors()` runs it later on the same program. */
export function generateMetadataPass(opts: Omit<GenerateMetadataOptions, 'typeCheck'>): MetadataPass {
  const { bm, program } = metadataPass({ ...opts, typeCheck: true });
  return { bm, typeErrors: () => typeCheckAsync(program, opts.root) };
}

/** `typeCheck` here only decides whether a failed tsoa pass lists the type errors (usually its cause). */
function metadataPass(opts: GenerateMetadataOptions): { bm: BuildMetadata; program: ts.Program } {
  return withTsoaPatches(() => patchedMetadataPass(opts));
}

function patchedMetadataPass(opts: GenerateMetadataOptions): { bm: BuildMetadata; program: ts.Program } {
  const rel = (f: string) => path.relative(opts.root, f).split(path.sep).join('/');
  const at = (n: ts.Node): SourceLocation => {
    const sf = n.getSourceFile();
    return { file: rel(sf.fileName), line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1 };
  };
  const compilerOptions = opts.compilerOptions ?? projectCompilerOptions(opts.root);
  const globs = opts.controllerPathGlobs.map((g) => path.resolve(opts.root, g).split(path.sep).join('/'));
  const extra = (opts.authModule ? [opts.authModule] : []).map((f) => path.resolve(opts.root, f).split(path.sep).join('/'));
  let gen: MetadataGenerator | undefined;
  let metadata;
  const warn = console.warn;
  // tsoa prints its own warnings (union degradation, overlapping paths); the lint reports them with file:line.
  console.warn = () => undefined;
  try {
    gen = new MetadataGenerator(path.resolve(opts.root, opts.entryFile), compilerOptions, undefined, [...globs, ...extra]);
    metadata = gen.Generate();
  } catch (e) {
    const message = (e as Error).message.trim();
    const target = gen && locateTsoaError(message, gen.controllerNodes, at);
    // A type error is usually why tsoa could not read a type: show those first, each with file:line.
    const typeErrors = gen && opts.typeCheck ? typeCheck(programOf(gen), opts.root) : [];
    throw new CkError({
      code: 'CK_SPEC_METADATA_FAILED',
      message: `${target ? `${target}: ` : ''}tsoa could not read the controllers: ${message}`,
      cause: e,
      ...(target ? { target } : {}),
      ...(typeErrors.length ? { details: typeErrors.map((f) => ({ code: 'CK_SPEC_TYPE_ERROR', message: f.message, target: `${f.file}:${f.line}` })) } : {}),
    });
  } finally {
    console.warn = warn;
  }
  dropUndefinedFromUnions(metadata);
  const locations: LocationMap = {};
  for (const node of gen.controllerNodes) {
    const name = node.name?.text ?? '(anonymous)';
    const methods: Record<string, SourceLocation> = {};
    for (const m of node.members) {
      if (ts.isMethodDeclaration(m) && m.name && ts.isIdentifier(m.name)) methods[m.name.text] = at(m);
    }
    locations[name] = { at: at(node), methods };
  }
  const program = programOf(gen);
  const inputFiles = program
    .getSourceFiles()
    .map((s) => s.fileName)
    .filter((f) => !f.includes('/node_modules/') && path.resolve(f).startsWith(opts.root))
    .map(rel)
    .sort();
  const { paramExtensions, issues } = readParamExtensions(gen.controllerNodes, at);
  const extraSet = new Set(extra.map((f) => path.resolve(f)));
  const controllerFiles = program.getRootFileNames().filter((f) => !extraSet.has(path.resolve(f)));
  const facts = readSourceFacts(program, controllerFiles, gen.controllerNodes, at);
  // After Generate(): resolving a payload type adds it to the SAME referenceTypeMap the metadata returns.
  const triggers = readTriggerDecorators(gen, at);
  const bm: BuildMetadata = {
    metadata,
    locations,
    inputFiles,
    paramExtensions,
    paramExtensionIssues: issues,
    ...(triggers.length ? { triggers } : {}),
    unrouted: facts.unrouted,
    middlewares: facts.middlewares,
    ...(opts.authModule ? { auth: readAuthNames(program, path.resolve(opts.root, opts.authModule), rel) } : opts.auth ? { auth: opts.auth } : {}),
  };
  return { bm, program };
}

const programOf = (gen: MetadataGenerator) => (gen as unknown as { program: ts.Program }).program;

/** tsoa errors end with "in 'Controller.method'"; turn that into file:line so the user lands on the method. */
function locateTsoaError(message: string, nodes: readonly ts.ClassDeclaration[], at: (n: ts.Node) => SourceLocation): string | undefined {
  const m = /in '([A-Za-z0-9_$]+)\.([A-Za-z0-9_$]+)'/.exec(message);
  const cls = m && nodes.find((n) => n.name?.text === m[1]);
  if (!m || !cls) return undefined;
  const member = cls.members.find((x) => ts.isMethodDeclaration(x) && ts.isIdentifier(x.name) && x.name.text === m[2]) ?? cls;
  const { file, line } = at(member);
  return `${file}:${line}`;
}
