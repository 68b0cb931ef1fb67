/** `connectorkit start` (= `npm start`): build, export the connector, then serve. */
import { defineCommand } from './command';
import { toCkError } from '../core/errors';
import { serveFlagConfig, serveOptions, serveProjectOptions, type ServeFlags } from './serve';

export const command = defineCommand<ServeFlags>({
  name: 'start',
  handlesSignals: true,
  summary: 'Build, export the connector folder, and serve locally (what `npm start` runs).',
  description:
    'Runs `connectorkit build`, then `connectorkit export` (an export problem is reported as a warning so the API still starts), ' +
    'then `connectorkit serve` with the same flags. Runs until Ctrl+C.',
  options: serveOptions.filter((o) => o.long !== '--no-build'),
  examples: ['npm start', 'connectorkit start --port 8080 --watch', 'connectorkit start --json'],
  async run(_args, flags, ctx) {
    // Stages load inside run(): help and --version load every command module, and must not pull in the stage's dependencies.
    const { loadConfig } = require('../config') as typeof import('../config');
    const { build } = require('../build') as typeof import('../build');
    const { runExport } = require('../export') as typeof import('../export');
    const { serveProject } = require('../serve') as typeof import('../serve');
    const loaded = loadConfig({ cwd: ctx.cwd, flags: serveFlagConfig(flags) });
    await build(loaded, ctx.io, {});
    try {
      await runExport(loaded, ctx.io, {});
    } catch (e) {
      const err = toCkError(e);
      ctx.io.log({ level: 'warn', code: err.code, message: `Export skipped: ${err.message}${err.hint ? ` (${err.hint})` : ''}` });
    }
    await serveProject(loaded, ctx.io, serveProjectOptions(loaded, flags, ctx.signal, false));
  },
});
