/**
 * Runs the offline validator (scripts/validate) on the in-memory folder before anything is written.
 */
import { CkError } from '../core/errors';
import { validateConnectorFiles } from '../validate';
import type { WriteConnectorOptions, WriteConnectorResult } from './types';
import './codes';

/**
 * Throws CK_EXPORT_VALIDATION_FAILED when the validator reports errors at `level`; returns the warnings.
 * Level 'none' skips validation (returns undefined).
 */
export function validateFolder(files: Record<string, Buffer | string>, level: NonNullable<WriteConnectorOptions['level']>): WriteConnectorResult['warnings'] | undefined {
  if (level === 'none') return undefined;
  const report = validateConnectorFiles(files, { level });
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    throw new CkError({
      code: 'CK_EXPORT_VALIDATION_FAILED',
      message: `The exported connector has ${errors.length} validation error(s) at level ${level}; nothing was written.`,
      details: errors.map((f) => ({ code: f.ruleId, message: f.message, target: `${f.file}#${f.pointer}` })),
      target: `${errors[0]!.file}#${errors[0]!.pointer}`,
    });
  }
  return report.findings.filter((f) => f.severity === 'warning').map(({ ruleId, message, pointer, file }) => ({ ruleId, message, pointer, file }));
}
