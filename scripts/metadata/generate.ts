/**
 * Runs tsoa's MetadataGenerator ONCE per build. Spec, routes, lint and export all consume its result.
 * Also records file:line of every controller and method from the TypeScript nodes, which tsoa's metadata lacks.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import { MetadataGenerator } from '@tsoa/cli/dist/metadataGeneration/metadataGenerator';
import { CkError } from '../core/errors';
import { readParamExtensions } from './param-extensions';
import { readTriggerDecorators } from './trigger-decorators';
import type { BuildMetadata, LocationMap } from './types';

export interface GenerateMetadataOptions {
  /** Absolute project root; locations are relative to it. */
  root: string;
  entryFile: string;
  controllerPathGlobs: string[];
  compilerOptions?: ts.CompilerOptions;
}

export function generateMetadata(opts: GenerateMetadataOptions): BuildMetadata {
  const rel = (f: string) => path.relative(opts.root, f).split(path.sep).join('/');
  const at = (n: ts.Node) => {
    const sf = n.getSourceFile();
    return { file: rel(sf.fileName), line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1 };
  };
  let gen: MetadataGenerator | undefined;
  let metadata;
  try {
    gen = new MetadataGenerator(
      path.resolve(opts.root, opts.entryFile),
      { experimentalDecorators: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, ...opts.compilerOptions },
      undefined,
      opts.controllerPathGlobs.map((g) => path.resolve(opts.root, g).split(path.sep).join('/')),
    );
    metadata = gen.Generate();
  } catch (e) {
    const message = (e as Error).message.trim();
    const target = gen && locateTsoaError(message, gen.controllerNodes, at);
    throw new CkError({
      code: 'CK_SPEC_METADATA_FAILED',
      message: `${target ? `${target}: ` : ''}tsoa could not read the controllers: ${message}`,
      cause: e,
      ...(target ? { target } : {}),
    });
  }
  const locations: LocationMap = {};
  for (const node of gen.controllerNodes) {
    const name = node.name?.text ?? '(anonymous)';
    const methods: Record<string, { file: string; line: number }> = {};
    for (const m of node.members) {
      if (ts.isMethodDeclaration(m) && m.name && ts.isIdentifier(m.name)) methods[m.name.text] = at(m);
    }
    locations[name] = { at: at(node), methods };
  }
  const program = (gen as unknown as { program: ts.Program }).program;
  const inputFiles = program
    .getSourceFiles()
    .map((s) => s.fileName)
    .filter((f) => !f.includes('/node_modules/') && path.resolve(f).startsWith(opts.root))
    .map(rel)
    .sort();
  const { paramExtensions, issues } = readParamExtensions(gen.controllerNodes, at);
  // After Generate(): resolving a payload type adds it to the SAME referenceTypeMap the metadata returns.
  const triggers = readTriggerDecorators(gen, at);
  return { metadata, locations, inputFiles, paramExtensions, paramExtensionIssues: issues, ...(triggers.length ? { triggers } : {}) };
}

/** tsoa errors end with "in 'Controller.method'"; turn that into file:line so the user lands on the method. */
function locateTsoaError(message: string, nodes: readonly ts.ClassDeclaration[], at: (n: ts.Node) => { file: string; line: number }): string | undefined {
  const m = /in '([A-Za-z0-9_$]+)\.([A-Za-z0-9_$]+)'/.exec(message);
  const cls = m && nodes.find((n) => n.name?.text === m[1]);
  if (!m || !cls) return undefined;
  const member = cls.members.find((x) => ts.isMethodDeclaration(x) && ts.isIdentifier(x.name) && x.name.text === m[2]) ?? cls;
  const { file, line } = at(member);
  return `${file}:${line}`;
}
