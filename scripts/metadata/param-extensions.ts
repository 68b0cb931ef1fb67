/**
 * Reads `@ParamExtension(key, value)` decorators (from `connectorkit/runtime`) off controller method parameters.
 * tsoa ignores decorators it does not know, so this walks the SAME TypeScript nodes tsoa already parsed (no second
 * parse) and evaluates the decorator arguments as JSON literals. Anything that is not a literal is reported, not
 * guessed: the spec must be derivable from the source text alone.
 */
import * as ts from 'typescript';
import type { ParamExtensionIssue, ParamExtensionMap, SourceLocation } from './types';

/** The decorator name we look for (also matched as `runtime.ParamExtension`). */
export const PARAM_EXTENSION_DECORATOR = 'ParamExtension';

export const NOT_LITERAL = Symbol('not-literal');

/** Evaluates a JSON-literal expression; returns NOT_LITERAL for anything else. */
export function literalValue(e: ts.Expression): unknown {
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return literalValue(e.expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (e.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isArrayLiteralExpression(e)) {
    const out: unknown[] = [];
    for (const el of e.elements) {
      const v = literalValue(el);
      if (v === NOT_LITERAL) return NOT_LITERAL;
      out.push(v);
    }
    return out;
  }
  if (ts.isObjectLiteralExpression(e)) {
    const out: Record<string, unknown> = {};
    for (const p of e.properties) {
      if (!ts.isPropertyAssignment(p)) return NOT_LITERAL;
      const n = p.name;
      const key = ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n) ? n.text : undefined;
      if (key === undefined) return NOT_LITERAL;
      const v = literalValue(p.initializer);
      if (v === NOT_LITERAL) return NOT_LITERAL;
      out[key] = v;
    }
    return out;
  }
  return NOT_LITERAL;
}

export function decoratorName(d: ts.Decorator): string | undefined {
  const e = d.expression;
  if (!ts.isCallExpression(e)) return undefined;
  const c = e.expression;
  if (ts.isIdentifier(c)) return c.text;
  if (ts.isPropertyAccessExpression(c)) return c.name.text;
  return undefined;
}

/**
 * Collects the ParamExtension values of every method parameter of the given controller classes.
 * @param at maps a node to its project-relative location (shared with the location map of generate.ts)
 */
export function readParamExtensions(controllerNodes: readonly ts.ClassDeclaration[], at: (n: ts.Node) => SourceLocation): { paramExtensions: ParamExtensionMap; issues: ParamExtensionIssue[] } {
  const paramExtensions: ParamExtensionMap = {};
  const issues: ParamExtensionIssue[] = [];
  for (const node of controllerNodes) {
    const controller = node.name?.text ?? '(anonymous)';
    for (const m of node.members) {
      if (!ts.isMethodDeclaration(m) || !m.name || !ts.isIdentifier(m.name)) continue;
      const method = m.name.text;
      for (const p of m.parameters) {
        const decorators = ts.canHaveDecorators(p) ? ts.getDecorators(p) : undefined;
        if (!decorators || !ts.isIdentifier(p.name)) continue;
        const param = p.name.text;
        for (const d of decorators) {
          if (decoratorName(d) !== PARAM_EXTENSION_DECORATOR) continue;
          const args = (d.expression as ts.CallExpression).arguments;
          const loc = at(d);
          const key = args[0] ? literalValue(args[0]) : NOT_LITERAL;
          const value = args[1] ? literalValue(args[1]) : NOT_LITERAL;
          if (typeof key !== 'string' || value === NOT_LITERAL || args.length !== 2) {
            issues.push({
              ...loc,
              controller,
              method,
              param,
              message: `@ParamExtension on parameter '${param}' of ${controller}.${method} needs two literal arguments (a string key and a JSON literal value)`,
            });
            continue;
          }
          if (!/^x-/i.test(key)) {
            issues.push({ ...loc, controller, method, param, message: `@ParamExtension key '${key}' on parameter '${param}' of ${controller}.${method} must start with 'x-'` });
            continue;
          }
          const byMethod = (paramExtensions[controller] ??= {});
          const byParam = (byMethod[method] ??= {});
          (byParam[param] ??= {})[key] = value;
        }
      }
    }
  }
  return { paramExtensions, issues };
}
