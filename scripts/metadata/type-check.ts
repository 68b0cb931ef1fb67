/**
 * The build's type check: TypeScript errors in the project's own files (not node_modules), from the SAME program
 * tsoa's metadata pass created, so nothing is parsed or bound twice; only the checker's remaining work is added.
 * A controller with `const n: number = "oops"` must not build, bundle and deploy (esbuild only strips types).
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import type { TypeErrorFinding } from './types';

export function typeCheck(program: ts.Program, root: string): TypeErrorFinding[] {
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
  program.getOptionsDiagnostics().forEach(add);
  program.getGlobalDiagnostics().forEach(add);
  for (const sf of program.getSourceFiles()) {
    if (sf.fileName.includes('/node_modules/') || !path.resolve(sf.fileName).startsWith(root + path.sep)) continue;
    program.getSyntacticDiagnostics(sf).forEach(add);
    program.getSemanticDiagnostics(sf).forEach(add);
  }
  return out;
}
