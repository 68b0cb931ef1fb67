/**
 * Turns collected lint findings into the one user-facing error of a failed build, and logs warnings.
 */
import { CkError, type ErrorDetail } from '../core/errors';
import type { IoHost } from '../core/io';
import { SPEC_CODES } from './codes';
import type { LintFinding } from './types';

/** `file:line` of a finding (the `target` of its error detail). */
export const findingTarget = (f: Pick<LintFinding, 'file' | 'line'>): string => `${f.file}:${f.line}`;

/** The CK_SPEC_LINT_FAILED error of a build whose lint found errors; keeps the findings for --json consumers. */
export class LintError extends CkError {
  readonly findings: LintFinding[];
  constructor(findings: LintFinding[]) {
    const errors = findings.filter((f) => f.severity === 'error');
    // The location lives in `target` only: hosts print `target: message`, so neither the message nor the
    // details' messages repeat it.
    const details: ErrorDetail[] = errors.map((f) => ({ code: f.code, message: `${f.message} — ${f.hint}`, target: findingTarget(f) }));
    super({
      code: SPEC_CODES.CK_SPEC_LINT_FAILED,
      message: `${errors.length} problem${errors.length === 1 ? '' : 's'} in the controllers.`,
      details,
      data: { findings },
    });
    this.findings = findings;
  }
}

/** Returns the LintError for `findings` when any is an error, else undefined. */
export function lintErrorOf(findings: readonly LintFinding[]): LintError | undefined {
  return findings.some((f) => f.severity === 'error') ? new LintError([...findings]) : undefined;
}

/** Throws a {@link LintError} when any finding is an error. The build calls this before writing anything. */
export function assertNoLintErrors(findings: readonly LintFinding[]): void {
  const err = lintErrorOf(findings);
  if (err) throw err;
}

/** Logs every warning finding as a `warn` line with its code and `file:line` (errors go into the LintError). */
export function logLintWarnings(io: IoHost, findings: readonly LintFinding[]): void {
  for (const f of findings) {
    if (f.severity === 'warning') io.log({ level: 'warn', code: f.code, message: `${findingTarget(f)}: ${f.message}`, data: { hint: f.hint, file: f.file, line: f.line } });
  }
}
