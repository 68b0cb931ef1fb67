/** Terminal rendering of a validation report: findings grouped per file, with rule ids and JSON pointers. */
import type { ValidationReport } from './types';
import { topRules, type BatchReport } from './batch';

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

/**
 * Human text for a batch: one row per folder (connector, errors, warnings, top rules — error rules when it has errors,
 * else warning rules), then the error findings of each failing folder, then a total line.
 */
export function formatSummary(b: BatchReport, name: (dir: string) => string): string {
  const rows = b.folders.map((f) => [name(f.dir), String(f.errors), String(f.warnings), topRules(f, f.errors ? 'error' : 'warning').join(', ')]);
  const head = ['connector', 'errors', 'warnings', 'top rules'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 || i === 2 ? c.padStart(width[i]!) : i === cells.length - 1 ? c : c.padEnd(width[i]!)))
      .join('  ')
      .trimEnd();
  const lines = [line(head), line(width.map((w) => '-'.repeat(w))), ...rows.map(line)];
  for (const f of b.folders.filter((x) => x.errors > 0)) {
    lines.push('', `${name(f.dir)}:`);
    for (const e of f.findings.filter((x) => x.severity === 'error'))
      lines.push(`  error    ${e.ruleId}  ${e.file}#${e.pointer || '/'}${e.line ? `  (line ${e.line})` : ''}`, `           ${e.message}`);
  }
  lines.push('', `${b.failed === 0 ? 'OK' : 'FAILED'}: ${b.folders.length} connector(s) at level ${b.level}: ${b.failed} with errors; ${b.errors} error(s), ${b.warnings} warning(s) in all.`);
  return lines.join('\n');
}
