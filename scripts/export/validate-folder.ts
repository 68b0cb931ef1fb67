/**
 * Runs the offline validator (scripts/validate) on the in-memory folder before anything is written.
 */
import { CkError } from '../core/errors';
import type { WriteConnectorOptions, WriteConnectorResult } from './types';

interface Finding { severity: string; ruleId: string; message: string; pointer: string; file: string }
type ValidateFiles = (files: Record<string, Buffer | string>, opts: { level: string }) => { findings: Finding[] } | Promise<{ findings: Finding[] }>;

function loadValidator(): ValidateFiles | undefined {
  for (const id of ['../validate', '../validate/validate']) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(id) as { validateConnectorFiles?: ValidateFiles };
      if (mod.validateConnectorFiles) return mod.validateConnectorFiles;
    } catch (e) {
      if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND' || !String((e as Error).message).includes(`'${id}'`)) throw e;
    }
  }
  return undefined;
}

/**
 * Throws CK_EXPORT_VALIDATION_FAILED when the validator reports errors; returns the warnings. Returns
 * `undefined` when the validator is not installed in this tree.
 */
export async function validateFolder(files: Record<string, Buffer | string>, level: NonNullable<WriteConnectorOptions['level']>): Promise<WriteConnectorResult['warnings'] | undefined> {
  if (level === 'none') return [];
  const validate = loadValidator();
  if (!validate) return undefined;
  const report = await validate(files, { level });
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    throw new CkError({
      code: 'CK_EXPORT_VALIDATION_FAILED',
      message: `The exported connector has ${errors.length} validation error(s) at level ${level}; nothing was written.`,
      details: errors.map((f) => ({ code: f.ruleId, message: f.message, target: `${f.file}#${f.pointer}` })),
      target: errors[0] ? `${errors[0].file}#${errors[0].pointer}` : undefined,
    });
  }
  return report.findings.filter((f) => f.severity === 'warning').map(({ ruleId, message, pointer, file }) => ({ ruleId, message, pointer, file }));
}
