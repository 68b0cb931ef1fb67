/**
 * Markdown for the validator README (scripts/validate/README.md): the rule table, the severity decisions, the
 * relaxation table, the rules that cannot be checked offline, and the corpus result (per-rule counts over the 526
 * merged connectors). `node scripts/bin/run-ts.js scripts/validate/readme-tables.ts` rewrites the README from
 * "# Reference" on (the population corpus must be present: see corpus.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from './rules';
import { RELAXATIONS } from './relaxations';
import { NOT_CHECKABLE, SCHEMA_LAYER_IDS, MICROSOFT_RULE_IDS } from './microsoft-rules';
import { validateConnectorDirs } from './batch';
import { corpusConnectors, CORPUS_DIR, populationConnectors, POPULATION_DIR } from './corpus';
import type { BatchReport } from './batch';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const severityOf = (r: (typeof RULES)[number]) => (r.platformSeverity ? `${r.platformSeverity} (platform), ${r.severity} (certification)` : r.severity);

/** Rule id → what it checks → severity (platform severity first when it differs) → level. */
export function ruleTable(): string {
  const rows = [...RULES].sort((a, b) => a.level.localeCompare(b.level) || a.id.localeCompare(b.id));
  const lines = ['| rule id | checks | severity | level |', '|---|---|---|---|'];
  for (const r of rows) lines.push(`| \`${r.id}\` | ${cell(r.description)} | ${severityOf(r)} | ${r.level} |`);
  lines.push('');
  lines.push(
    `Schema layer (level schema and up): ${SCHEMA_LAYER_IDS.map((i) => `\`${i}\``).join(', ')} and \`SchemaViolation\` (other schema keywords), all errors unless a relaxation applies (then \`SchemaRelaxed\` with the relaxation id). Reading: \`JsonNotParseable\` (error, with line and column), \`FileHasBom\`, \`FileHasCrlf\`, \`JsonHasComments\`, \`JsonHasTrailingComma\`, \`FileNotUtf8\` (warnings), \`CkFileMissing\` (error).`,
  );
  return lines.join('\n');
}

/** Rules whose platform severity is lower than their certification severity, with the evidence. */
export function severityTable(): string {
  const lines = ["| rule id | platform | certification | merged connectors with a finding (of 526) | Microsoft's documentation |", '|---|---|---|---|---|'];
  for (const r of [...RULES].filter((x) => x.platformSeverity).sort((a, b) => a.id.localeCompare(b.id))) {
    lines.push(`| \`${r.id}\` | ${r.platformSeverity} | ${r.severity} | ${r.evidence ? r.evidence.merged : '—'} | ${cell(r.evidence?.docs ?? r.description)} |`);
  }
  return lines.join('\n');
}

/** Relaxation id → what the platform accepts → severity → evidence → connectors needing it. */
export function relaxationTable(): string {
  const lines = ['| relaxation | schema | accepted by the platform | reported as | evidence | dev corpus (70) | merged (526) |', '|---|---|---|---|---|---|---|'];
  for (const r of RELAXATIONS)
    lines.push(`| \`${r.id}\` | ${typeof r.schema === 'string' ? r.schema : r.schema.join(', ')} | ${cell(r.title)} | ${r.severity} | ${cell(r.evidence)} | ${r.corpus} | ${r.merged} |`);
  return lines.join('\n');
}

/** Microsoft rules not checked offline, with the reason. */
export function notCheckableTable(): string {
  const lines = ['| Microsoft rule id | why it is not checked offline |', '|---|---|'];
  for (const [id, why] of Object.entries(NOT_CHECKABLE).sort()) lines.push(`| \`${id}\` | ${cell(why)} |`);
  return lines.join('\n');
}

/** Per rule id (relaxed findings per relaxation): severity, connectors of each corpus with a finding, findings. */
export function corpusTable(dev: BatchReport, population: BatchReport): string {
  type Row = { severities: Set<string>; dev: Set<string>; pop: Set<string>; findings: number };
  const rows = new Map<string, Row>();
  const add = (b: BatchReport, which: 'dev' | 'pop') => {
    for (const f of b.folders) {
      for (const x of f.findings) {
        const id = x.relaxation ? `SchemaRelaxed(${x.relaxation})` : x.ruleId;
        const row = rows.get(id) ?? rows.set(id, { severities: new Set(), dev: new Set(), pop: new Set(), findings: 0 }).get(id)!;
        row.severities.add(x.severity);
        row[which].add(f.dir);
        row.findings++;
      }
    }
  };
  add(dev, 'dev');
  add(population, 'pop');
  const order = ['error', 'warning', 'info'];
  const lines = ['| rule id | severity | dev corpus (70) | population (456) | findings |', '|---|---|---|---|---|'];
  const sorted = [...rows].sort((a, b) => b[1].dev.size + b[1].pop.size - (a[1].dev.size + a[1].pop.size) || (a[0] < b[0] ? -1 : 1));
  for (const [id, r] of sorted) lines.push(`| \`${id}\` | ${order.filter((s) => r.severities.has(s)).join(', ')} | ${r.dev.size} | ${r.pop.size} | ${r.findings} |`);
  const all = [...dev.folders, ...population.folders];
  const failing = all.filter((f) => f.errors > 0);
  lines.push(`| **connectors with an error** | | **${dev.failed}** | **${population.failed}** | |`);
  lines.push('');
  lines.push(
    `${all.length} connectors: ${all.length - failing.length} give **0 errors** at the default level (${dev.warnings + population.warnings} warnings in all). The ${failing.length} with an error hold a file that is not JSON, a true finding:`,
  );
  lines.push('');
  for (const f of failing) for (const e of f.findings.filter((x) => x.severity === 'error')) lines.push(`- ${path.basename(f.dir)}: \`${e.ruleId}\` ${e.file} — ${e.message}`);
  return lines.join('\n');
}

/** Rewrites scripts/validate/README.md from its "# Reference" heading on. */
export async function main(): Promise<number> {
  const readme = path.join(__dirname, 'README.md');
  const dev = await validateConnectorDirs(corpusConnectors().map((n) => path.join(CORPUS_DIR, n)));
  const population = await validateConnectorDirs(populationConnectors().map((n) => path.join(POPULATION_DIR, n)));
  const implemented = new Set(RULES.map((r) => r.id));
  const ms = Object.values(MICROSOFT_RULE_IDS).flat();
  const head = readFileSync(readme, 'utf8').split('\n# Reference')[0]!;
  const body = [
    '# Reference (user-facing; regenerated by readme-tables.ts)',
    '',
    `Microsoft's Learn page lists ${ms.length} Swagger Validator rule ids: ${ms.filter((i) => implemented.has(i)).length} are implemented as rules (one file each), ${SCHEMA_LAYER_IDS.length} come from`,
    `the schema layer, ${Object.keys(NOT_CHECKABLE).length} cannot be checked offline (table below). ${RULES.filter((r) => r.id.startsWith('Ck')).length} more rules have connectorkit ids (\`Ck…\`) where`,
    `Microsoft documents a requirement but publishes no rule id — ${RULES.length} rules in all.`,
    '',
    '## Rules',
    '',
    'Level = the lowest `--level` at which the rule runs. Look Microsoft\'s rule ids up on Learn ("Fix Swagger Validator',
    'errors"); `Ck…` ids are connectorkit\'s own.',
    '',
    ruleTable(),
    '',
    '## Severity decisions',
    '',
    'A rule that merged connectors break is a warning at `platform` (what an import accepts) and stays an error at',
    "`certification` (what the certification pipeline checks) — never keyed on a connector's name or path. The count is",
    'asserted by `corpus.test.ts`; the mutation tests (`mutations.test.ts`) inject each defect where it is still an error.',
    '',
    severityTable(),
    '',
    '## Relaxations',
    '',
    'Each relaxation downgrades a schema finding the live platform accepts to `SchemaRelaxed` (info or warning) naming',
    'the relaxation id. The connector counts are asserted by `corpus.test.ts`.',
    '',
    relaxationTable(),
    '',
    '## Microsoft rules that cannot be checked offline',
    '',
    notCheckableTable(),
    '',
    '## Corpus result (default level)',
    '',
    'Connectors of each corpus with at least one finding of the rule (relaxed schema findings per relaxation), and the',
    'number of findings over all 526.',
    '',
    corpusTable(dev, population),
    '',
  ].join('\n');
  writeFileSync(readme, `${head}\n${body}`);
  process.stdout.write(`${readme} rewritten (${dev.folders.length} + ${population.folders.length} connectors)\n`);
  return 0;
}
