/**
 * `connectorkit validate [dir...]`: offline validation of connector folders. One folder prints its grouped report;
 * several folders (or `--recursive <parent>`) are validated in one process with one summary table. Exit 1 when any
 * folder has an error.
 */
import * as path from 'node:path';
import { defineCommand, Option } from './command';
import { CkError } from '../core/errors';

interface Opts {
  level?: string;
  recursive?: boolean;
}

export const command = defineCommand<Opts>({
  name: 'validate',
  args: '[dir...]',
  summary: "Validate connector folders offline with Microsoft's schemas and Swagger Validator rule ids",
  description:
    "Validates custom connector folders (ours or hand-written) offline. Levels: schema (Microsoft's published schemas with " +
    'documented relaxations), platform (default; plus the Swagger Validator rules that can be checked offline), certification ' +
    '(plus title/description/summary wording, contact, metadata, brand colour, icon, readme). Several folders, or --recursive ' +
    '(every folder below that holds an apiDefinition.swagger.json), are validated in one run with one summary table. ' +
    'Exit 1 when any folder has an error.',
  examples: [
    'connectorkit validate',
    'connectorkit validate ./connector --level certification',
    'connectorkit validate path/to/PowerPlatformConnectors/certified-connectors/Foo --json',
    'connectorkit validate --recursive path/to/PowerPlatformConnectors',
  ],
  // No .choices(): the stage owns the level check (CK_VALIDATE_BAD_LEVEL names the allowed levels), one path for CLI and library.
  options: [
    new Option('--level <level>', 'schema | platform | certification').default('platform'),
    new Option('--recursive', 'validate every folder below the given folder(s) that holds an apiDefinition.swagger.json'),
  ],
  async run(args, opts, ctx) {
    // Stages load inside run(): help and --version load every command module, and must not pull in the stage's dependencies.
    const { loadConfig } = require('../config') as typeof import('../config');
    const v = require('../validate') as typeof import('../validate');
    const level = v.checkLevel(opts.level ?? 'platform');
    let dirs = args.map((d) => path.resolve(ctx.cwd, d));
    if (dirs.length === 0) {
      const loaded = loadConfig({ cwd: ctx.cwd });
      dirs = [path.resolve(ctx.cwd, loaded.resolve(loaded.config.connectorDir))];
    }
    const rel = (d: string) => path.relative(ctx.cwd, d) || '.';
    if (dirs.length === 1 && !opts.recursive) {
      const dir = dirs[0]!;
      const report = await ctx.io.step(`Validate ${rel(dir)} (${level})`, () => v.validateConnectorDir(dir, { level }));
      const text = v.formatReport(rel(dir), report);
      if (report.errors > 0) {
        if (!ctx.json) ctx.io.log({ level: 'info', message: text });
        throw new CkError({
          code: 'CK_VALIDATE_FAILED',
          message: `${report.errors} error(s), ${report.warnings} warning(s) in ${dir} at level ${level}.`,
          // The terminal already shows the grouped report; the failure lists the errors only. --json gets every finding.
          details: report.findings.filter((f) => ctx.json || f.severity === 'error').map((f) => ({ code: f.ruleId, message: `${f.severity}: ${f.message}`, target: `${f.file}#${f.pointer}` })),
          data: { report },
        });
      }
      return { data: { dir, ...report }, text };
    }
    if (opts.recursive) {
      const found: string[] = [];
      for (const d of dirs) found.push(...(await ctx.io.step(`Find connector folders below ${rel(d)}`, () => v.findConnectorDirs(d))));
      dirs = [...new Set(found)];
    }
    const batch = await ctx.io.step(`Validate ${dirs.length} connector folders (${level})`, () => v.validateConnectorDirs(dirs, { level }, (done, total) => ctx.io.progress('Validate', done, total)));
    const text = v.formatSummary(batch, rel);
    // --json: one entry per folder (its counts, top rules and findings).
    const folders = batch.folders.map((f) => ({
      dir: f.dir,
      errors: f.errors,
      warnings: f.warnings,
      infos: f.findings.length - f.errors - f.warnings,
      topRules: v.topRules(f, f.errors ? 'error' : 'warning'),
      files: f.files,
      findings: f.findings,
    }));
    if (batch.failed > 0) {
      if (!ctx.json) ctx.io.log({ level: 'info', message: text });
      throw new CkError({
        code: 'CK_VALIDATE_FAILED',
        message: `${batch.failed} of ${batch.folders.length} connector folder(s) have errors (${batch.errors} error(s), ${batch.warnings} warning(s)) at level ${level}.`,
        // One entry per failing folder: its errors, each with rule id, file, pointer and line.
        details: batch.folders
          .filter((f) => f.errors > 0)
          .map((f) => ({
            code: v.topRules(f, 'error', 1)[0]!.replace(/ ×\d+$/, ''),
            message: f.findings
              .filter((x) => x.severity === 'error')
              .map((x) => `${x.ruleId} ${x.file}#${x.pointer}${x.line ? ` (line ${x.line})` : ''}: ${x.message}`)
              .join(' | '),
            target: f.dir,
          })),
        data: { level, folders },
      });
    }
    return { data: { level, errors: batch.errors, warnings: batch.warnings, failed: batch.failed, folders }, text };
  },
});
