/**
 * Markdown for the README's validator section: the rule table, the relaxation table, the rules that cannot be
 * checked offline, and the corpus result. `node scripts/bin/run-ts.js scripts/validate/readme-tables.ts <out-dir>`
 * writes validate-tables.md and validate-corpus.md there.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from './rules';
import { RELAXATIONS } from './relaxations';
import { NOT_CHECKABLE, SCHEMA_LAYER_IDS } from './microsoft-rules';
import { validateConnectorDir } from './validate';
import { corpusConnectors, CORPUS_DIR } from './corpus';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Rule id → what it checks → severity (certification severity, platform severity when it differs) → level. */
export function ruleTable(): string {
  const rows = [...RULES].sort((a, b) => a.level.localeCompare(b.level) || a.id.localeCompare(b.id));
  const lines = ['| rule id | checks | severity | level |', '|---|---|---|---|'];
  for (const r of rows) lines.push(`| \`${r.id}\` | ${cell(r.description)} | ${r.platformSeverity ? `${r.platformSeverity} (platform), ${r.severity} (certification)` : r.severity} | ${r.level} |`);
  lines.push('');
  lines.push(`Schema layer (level schema and up): ${SCHEMA_LAYER_IDS.map((i) => `\`${i}\``).join(', ')} and \`SchemaViolation\` (other schema keywords), all errors unless a relaxation applies (then \`SchemaRelaxed\` with the relaxation id). Reading: \`JsonNotParseable\` (error), \`FileHasBom\`, \`FileHasCrlf\`, \`JsonHasComments\`, \`JsonHasTrailingComma\`, \`FileNotUtf8\` (warnings), \`CkFileMissing\` (error).`);
  return lines.join('\n');
}

/** Relaxation id → what the platform accepts → severity → evidence → corpus connectors needing it. */
export function relaxationTable(): string {
  const lines = ['| relaxation | schema | accepted by the platform | reported as | evidence | dev-corpus connectors |', '|---|---|---|---|---|---|'];
  for (const r of RELAXATIONS) lines.push(`| \`${r.id}\` | ${r.schema} | ${cell(r.title)} | ${r.severity} | ${cell(r.evidence)} | ${r.corpus} |`);
  return lines.join('\n');
}

/** Microsoft rules not checked offline, with the reason. */
export function notCheckableTable(): string {
  const lines = ['| Microsoft rule id | why it is not checked offline |', '|---|---|'];
  for (const [id, why] of Object.entries(NOT_CHECKABLE).sort()) lines.push(`| \`${id}\` | ${cell(why)} |`);
  return lines.join('\n');
}

/** Errors and warnings per corpus connector at the default level. */
export async function corpusTable(): Promise<string> {
  const lines = ['| connector | errors | warnings | infos | rule ids (warnings) |', '|---|---|---|---|---|'];
  let e = 0;
  let w = 0;
  const names = corpusConnectors();
  for (const n of names) {
    const r = await validateConnectorDir(path.join(CORPUS_DIR, n));
    e += r.errors;
    w += r.warnings;
    const ids = [...new Set(r.findings.filter((f) => f.severity === 'warning').map((f) => (f.relaxation ? `SchemaRelaxed(${f.relaxation})` : f.ruleId)))].sort();
    lines.push(`| ${cell(n)} | ${r.errors} | ${r.warnings} | ${r.findings.length - r.errors - r.warnings} | ${ids.join(', ')} |`);
  }
  lines.push(`| **total (${names.length})** | **${e}** | **${w}** | | |`);
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('readme-tables.ts')) {
  const out = process.argv[2] ?? '.';
  void (async () => {
    writeFileSync(path.join(out, 'validate-tables.md'), `## Rules\n\n${ruleTable()}\n\n## Relaxations\n\n${relaxationTable()}\n\n## Not checkable offline\n\n${notCheckableTable()}\n`);
    writeFileSync(path.join(out, 'validate-corpus.md'), `# Validator result on the development corpus (default level)\n\n${await corpusTable()}\n`);
  })();
}
