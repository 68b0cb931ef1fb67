/**
 * Build-time lint over the ONE metadata pass: every rule runs, findings are collected (never fail-first) and
 * sorted by file, line and code so the report reads top to bottom.
 */
import { lookupCode } from '../../core/code-registry';
import type { BuildMetadata } from '../../metadata';
import { listOperations } from '../operations';
import type { LintContext, LintFinding, LintRule, OperationRef } from '../types';
import { bodyOnGet } from './body-on-get';
import { bodyType } from './body-type';
import { duplicateOperationId } from './duplicate-operation-id';
import { functionName } from './function-name';
import { middlewareSignature } from './middleware-signature';
import { noOperation } from './no-operation';
import { operationIdCase } from './operation-id-case';
import { paramExtensionLiteral } from './param-extension-literal';
import { routeOverlap } from './route-overlap';
import { routeReserved } from './route-reserved';
import { securityHandled } from './security-handled';
import { tooManyOperations } from './too-many-operations';
import { typeErrors } from './type-errors';
import { unionDegrade } from './union-degrade';

/** Every rule, in report order. */
export const LINT_RULES: readonly LintRule[] = [
  typeErrors,
  duplicateOperationId,
  operationIdCase,
  functionName,
  bodyType,
  unionDegrade,
  bodyOnGet,
  routeOverlap,
  routeReserved,
  paramExtensionLiteral,
  tooManyOperations,
  noOperation,
  middlewareSignature,
  securityHandled,
];

/** Builds a finding with the code's registered hint unless one is given. */
export function finding(loc: { file: string; line: number }, code: string, severity: LintFinding['severity'], message: string, hint?: string): LintFinding {
  return { code, severity, message, hint: hint ?? lookupCode(code).hint, file: loc.file, line: loc.line };
}

/** Orders findings by file, line, code, message (deterministic reports and golden files). */
export function sortFindings(findings: LintFinding[]): LintFinding[] {
  return findings.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/**
 * Runs every lint rule over the build metadata and returns all findings (errors and warnings), sorted.
 * `emitSpec` already calls this (its findings include these), so the build needs only one of the two.
 */
export function lintMetadata(bm: BuildMetadata): LintFinding[] {
  return runLint(bm, listOperations(bm));
}

/** {@link lintMetadata} over an operation index the caller already built. */
export function runLint(bm: BuildMetadata, operations: OperationRef[]): LintFinding[] {
  const ctx: LintContext = { bm, operations, at: finding };
  const out: LintFinding[] = [];
  for (const rule of LINT_RULES) out.push(...rule.check(ctx));
  return sortFindings(out);
}
