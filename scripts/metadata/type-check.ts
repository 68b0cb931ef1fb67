/**
 * The build's type check: TypeScript errors in the project's own files (not node_modules, not the framework's
 * runtime), from the SAME program tsoa's metadata pass created, so nothing is parsed or bound twice; only the
 * checker's remaining work is added. A controller with `const n: number = "oops"` must not build, bundle and deploy
 * (esbuild only strips types).
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import type { TypeErrorFinding } from './types';

/**
 * The framework's runtime (the built-in Entra check and what `connectorkit/runtime` resolves to): in the repository it
 * sits under the sample's root, where `tsc -p tsconfig.json` checks it; an installed project has it in node_modules.
 */
const RUNTIME_DIR = path.resolve(__dirname, '../runtime') + path.sep;

/** The files the check covers, in program order: the project's own sources. */
function projectFiles(program: ts.Program, root: string): ts.SourceFile[] {
  return program.getSourceFiles().filter((sf) => {
    const f = path.resolve(sf.fileName);
    return !sf.fileName.includes('/node_modules/') && f.startsWith(root + path.sep) && !f.startsWith(RUNTIME_DIR);
  });
}

function collector(root: string): { out: TypeErrorFinding[]; add: (d: ts.Diagnostic) => void } {
  const out: TypeErrorFinding[] = [];
  const add = (d: ts.Diagnostic) => {
    if (d.category !== ts.DiagnosticCategory.Error) return;
    const message = `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    if (!d.file) {
      out.push({ file: 'tsconfig.json', line: 1, message });
      return;
    }
    const line = d.start === undefined ? 1 : d.file.getLineAndCharacterOfPosition(d.start).line + 1;
    out.push({ file: path.relative(root, d.file.fileName).split(path.sep).join('/'), line, message });
  };
  return { out, add };
}

function checkFile(program: ts.Program, sf: ts.SourceFile, add: (d: ts.Diagnostic) => void): void {
  program.getSyntacticDiagnostics(sf).forEach(add);
  program.getSemanticDiagnostics(sf).forEach(add);
}

export function typeCheck(program: ts.Program, root: string): TypeErrorFinding[] {
  const { out, add } = collector(root);
  program.getOptionsDiagnostics().forEach(add);
  program.getGlobalDiagnostics().forEach(add);
  for (const sf of projectFiles(program, root)) checkFile(program, sf, add);
  return out;
}

/**
 * The same check, one file per turn of the event loop: the build bundles meanwhile, and esbuild's plugin callbacks
 * (scripts/bundle) need this thread, so the bundle's time hides behind the check's instead of adding to it.
 */
export async function typeCheckAsync(program: ts.Program, root: string): Promise<TypeErrorFinding[]> {
  const { out, add } = collector(root);
  program.getOptionsDiagnostics().forEach(add);
  program.getGlobalDiagnostics().forEach(add);
  for (const sf of projectFiles(program, root)) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    checkFile(program, sf, add);
  }
  return out;
}
