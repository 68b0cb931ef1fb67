/**
 * Facts tsoa's metadata does not keep, read off the SAME TypeScript nodes (no second parse):
 *  - exported controller classes without `@Route` and public async methods without an HTTP-verb decorator: tsoa
 *    drops them silently, so a forgotten `@Get` would remove a Function with no message;
 *  - `@Middlewares(...)` uses, with the parameter count of each middleware's type (the v4 handler calls a
 *    middleware as `(request, context)`; an Express-style `(req, res, next)` cannot run there).
 */
import * as ts from 'typescript';
import type { MiddlewareUse, SourceLocation, UnroutedMember } from './types';

const VERBS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options']);

/** The decorator's name as tsoa matches it: the innermost identifier of the call (`@A.B(x)` → B, `@X()` → X). */
export function decoratorNames(node: ts.Node): string[] {
  const decorators = ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
  return decorators.map((d) => {
    let e: ts.Expression = d.expression;
    while (ts.isCallExpression(e)) e = e.expression;
    return ts.isPropertyAccessExpression(e) ? e.name.text : ts.isIdentifier(e) ? e.text : '';
  });
}

const hasModifier = (n: ts.Node, kind: ts.SyntaxKind) => (ts.canHaveModifiers(n) ? (ts.getModifiers(n) ?? []).some((m) => m.kind === kind) : false);

function extendsController(c: ts.ClassDeclaration): boolean {
  return (c.heritageClauses ?? []).some((h) => h.token === ts.SyntaxKind.ExtendsKeyword && h.types.some((t) => /(^|\.)Controller$/.test(t.expression.getText())));
}

/** Middlewares decorators on a class or method, with the call arguments' parameter counts. */
function middlewareUses(
  checker: ts.TypeChecker,
  node: ts.ClassDeclaration | ts.MethodDeclaration,
  controller: string,
  method: string | undefined,
  at: (n: ts.Node) => SourceLocation,
): MiddlewareUse[] {
  const out: MiddlewareUse[] = [];
  for (const d of (ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined) ?? []) {
    let e: ts.Expression = d.expression;
    let call: ts.CallExpression | undefined;
    while (ts.isCallExpression(e)) {
      call ??= e;
      e = e.expression;
    }
    const name = ts.isPropertyAccessExpression(e) ? e.name.text : ts.isIdentifier(e) ? e.text : '';
    if (name !== 'Middlewares' || !call) continue;
    const arities = call.arguments.map((a) => {
      const sigs = checker.getTypeAtLocation(a).getCallSignatures();
      return sigs.length ? Math.max(...sigs.map((s) => s.parameters.length)) : -1;
    });
    out.push({ ...at(d), controller, ...(method ? { method } : {}), arities });
  }
  return out;
}

export function readSourceFacts(
  program: ts.Program,
  controllerFiles: readonly string[],
  controllerNodes: readonly ts.ClassDeclaration[],
  at: (n: ts.Node) => SourceLocation,
): { unrouted: UnroutedMember[]; middlewares: MiddlewareUse[] } {
  const checker = program.getTypeChecker();
  const unrouted: UnroutedMember[] = [];
  const middlewares: MiddlewareUse[] = [];
  const routed = new Set(controllerNodes);
  for (const file of controllerFiles) {
    const sf = program.getSourceFile(file);
    if (!sf) continue;
    for (const st of sf.statements) {
      if (!ts.isClassDeclaration(st) || routed.has(st) || !hasModifier(st, ts.SyntaxKind.ExportKeyword)) continue;
      const verbMethods = st.members.some((m) => ts.isMethodDeclaration(m) && decoratorNames(m).some((n) => VERBS.has(n)));
      if (extendsController(st) || verbMethods) unrouted.push({ ...at(st), controller: st.name?.text ?? '(anonymous)' });
    }
  }
  for (const c of controllerNodes) {
    const controller = c.name?.text ?? '(anonymous)';
    middlewares.push(...middlewareUses(checker, c, controller, undefined, at));
    for (const m of c.members) {
      if (!ts.isMethodDeclaration(m) || !ts.isIdentifier(m.name)) continue;
      middlewares.push(...middlewareUses(checker, m, controller, m.name.text, at));
      const isPublic = !hasModifier(m, ts.SyntaxKind.PrivateKeyword) && !hasModifier(m, ts.SyntaxKind.ProtectedKeyword) && !hasModifier(m, ts.SyntaxKind.StaticKeyword);
      if (isPublic && hasModifier(m, ts.SyntaxKind.AsyncKeyword) && !decoratorNames(m).some((n) => VERBS.has(n))) {
        unrouted.push({ ...at(m), controller, method: m.name.text });
      }
    }
  }
  return { unrouted, middlewares };
}
