/** `connectorkit build`: controllers → dist/swagger.json + functions/.generated/routes.ts + dist/app/ + dist/app.zip. */
import * as path from 'node:path';
import { defineCommand, Option } from './command';

interface BuildFlags {
  cache?: boolean;
  minify?: boolean;
}

export const command = defineCommand<BuildFlags>({
  name: 'build',
  summary: 'Generate the Swagger 2.0 spec and Functions registrations from the controllers, and bundle the app.',
  description:
    "Runs tsoa's metadata pass once, lints the controllers (every problem with file:line), writes dist/swagger.json and " +
    'functions/.generated/routes.ts, and bundles the Functions app with esbuild into dist/app/ and dist/app.zip (zip deploy). ' +
    'Nothing is written when any step fails. A rebuild with no changed input is answered from dist/.cache.',
  options: [new Option('--no-cache', 'ignore the build cache and run every step'), new Option('--no-minify', 'keep main.js readable (the source map is written either way)')],
  examples: ['connectorkit build', 'connectorkit build --no-cache', 'connectorkit build --json'],
  async run(_args, flags, ctx) {
    // Stages load inside run(): help and --version load every command module, and must not pull in the stage's dependencies.
    const { loadConfig } = require('../config') as typeof import('../config');
    const { build } = require('../build') as typeof import('../build');
    const loaded = loadConfig({ cwd: ctx.cwd });
    const r = await build(loaded, ctx.io, { cache: flags.cache !== false, minify: flags.minify !== false });
    const rel = (f: string) => path.relative(loaded.root, f);
    const lines = [
      r.cached ? `Up to date (no input changed): ${r.functions} functions.` : `Built ${r.functions} functions; ${r.written.length} output(s) changed.`,
      `  spec:    ${rel(r.specFile)}`,
      `  routes:  ${rel(r.routesFile)}`,
      `  app:     ${rel(r.appDir)}/ (host.json, package.json, main.js, main.js.map)`,
      `  zip:     ${rel(r.zipFile)}`,
      ...(r.warnings.length ? [`${r.warnings.length} lint warning(s) above.`] : []),
      'Next: connectorkit serve',
    ];
    return { data: r, text: lines.join('\n') };
  },
});
