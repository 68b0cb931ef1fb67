/** Terminal rendering of a validation report: findings grouped per file, with rule ids and JSON pointers. */
import type { ValidationReport } from './types';

const TAG = { error: 'error  ', warning: 'warning', info: 'info   ' } as const;

/** Human text for a report (the CLI prints it on stdout). */
export function formatReport(dir: string, r: ValidationReport): string {
  const lines: string[] = [];
  const files = [...new Set(r.findings.map((f) => f.file))];
  for (const file of files) {
    lines.push(`${file}`);
    for (const f of r.findings.filter((x) => x.file === file)) {
      lines.push(`  ${TAG[f.severity]} ${f.ruleId}${f.relaxation ? `(${f.relaxation})` : ''}  ${f.pointer || '/'}${f.line ? `  (line ${f.line})` : ''}`);
      lines.push(`          ${f.message}`);
    }
  }
  const infos = r.findings.length - r.errors - r.warnings;
  lines.push(`${r.errors === 0 ? 'OK' : 'FAILED'}: ${dir} at level ${r.level}: ${r.errors} error(s), ${r.warnings} warning(s), ${infos} info(s) in ${r.files.length} file(s).`);
  return lines.join('\n');
}
