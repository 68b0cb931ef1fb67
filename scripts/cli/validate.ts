/**
 * `connectorkit validate [dir]`: offline validation of any connector folder. Exit 1 when there are errors.
 */
import * as path from 'node:path';
import { defineCommand, Option } from './command';
import { CkError } from '../core/errors';

interface Opts {
  level?: string;
}

export const command = defineCommand<Opts>({
  name: 'validate',
  args: '[dir]',
  summary: 'Validate a connector folder offline with Microsoft\'s schemas and Swagger Validator rule ids',
  description:
    'Validates a custom connector folder (ours or hand-written) offline. Levels: schema (Microsoft\'s published schemas with ' +
    'documented relaxations), platform (default; plus the Swagger Validator rules that can be checked offline), certification ' +
    '(plus title/description/summary wording, contact, metadata, brand colour, icon, readme). Exit 1 on any error.',
  examples: [
    'connectorkit validate',
    'connectorkit validate ./connector --level certification',
    'connectorkit validate path/to/PowerPlatformConnectors/certified-connectors/Foo --json',
  ],
  // No .choices(): the stage owns the level check (CK_VALIDATE_BAD_LEVEL names the allowed levels), one path for CLI and library.
  options: [new Option('--level <level>', 'schema | platform | certification').default('platform')],
  async run(args, opts, ctx) {
    // Stages load inside run(): help and --version load every command module, and must not pull in the stage's dependencies.
    const { loadConfig } = require('../config') as typeof import('../config');
    const { validateConnectorDir, formatReport, checkLevel } = require('../validate') as typeof import('../validate');
    const level = checkLevel(opts.level ?? 'platform');
    let dir = args[0];
    if (!dir) {
      const loaded = loadConfig({ cwd: ctx.cwd });
      dir = loaded.resolve(loaded.config.connectorDir);
    }
    dir = path.resolve(ctx.cwd, dir);
    const report = await ctx.io.step(`Validate ${path.relative(ctx.cwd, dir) || '.'} (${level})`, () => validateConnectorDir(dir!, { level }));
    const text = formatReport(path.relative(ctx.cwd, dir) || '.', report);
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
  },
});
