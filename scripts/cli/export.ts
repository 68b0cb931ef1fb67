/** `connectorkit export`: dist/swagger.json + config (+ last deploy outputs) → connector/ folder. */
import * as path from 'node:path';
import { defineCommand, Option } from './command';

interface ExportFlags {
  out?: string;
  env?: string;
  allowBreaking?: boolean;
  zip?: boolean;
  level?: 'schema' | 'platform' | 'certification';
  postman?: string;
}

export const command = defineCommand<ExportFlags>({
  name: 'export',
  summary: 'Write the Power Platform custom connector folder (apiDefinition, apiProperties, icon, readme, settings).',
  description:
    'Builds the custom connector from dist/swagger.json and the "connectorkit" config (plus the newest .connectorkit/deploy-<env>.json when present), ' +
    'refuses breaking changes against the existing apiDefinition.swagger.json, validates it offline and writes the folder atomically, only when it changed.',
  options: [
    new Option('--out <dir>', 'output folder (default: config connectorDir, "connector")'),
    new Option('--env <name>', 'use the outputs of this deploy environment (default: the newest)'),
    new Option('--allow-breaking', 'write even if operations were deleted, renamed or changed incompatibly'),
    new Option('--zip', 'also write a deterministic zip of the folder to dist/<out>.zip'),
    new Option('--level <level>', 'validation level applied before writing (default: connector.level in package.json, else certification)').choices(['schema', 'platform', 'certification']),
    new Option('--postman <file>', "also write a Postman collection (v2.1, checked against Postman's schema) of the API"),
  ],
  examples: ['connectorkit export', 'connectorkit export --env prod --zip', 'connectorkit export --allow-breaking --json', 'connectorkit export --postman dist/postman_collection.json'],
  async run(_args, flags, ctx) {
    // Stages load inside run(): help and --version load every command module, and must not pull in the stage's dependencies.
    const { loadConfig } = require('../config') as typeof import('../config');
    const { runExport } = require('../export') as typeof import('../export');
    const loaded = loadConfig({ cwd: ctx.cwd });
    const r = await runExport(loaded, ctx.io, { out: flags.out, env: flags.env, allowBreaking: flags.allowBreaking === true, zip: flags.zip === true, level: flags.level });
    const rel = path.relative(loaded.root, r.dir) || '.';
    let postmanFile: string | undefined;
    if (flags.postman) {
      const { writeIfChanged } = require('../core/fs') as typeof import('../core/fs');
      const { postmanCollectionText } = require('../export') as typeof import('../export');
      const { readFileSync } = require('node:fs') as typeof import('node:fs');
      postmanFile = path.resolve(ctx.cwd, flags.postman);
      await writeIfChanged(postmanFile, postmanCollectionText(JSON.parse(readFileSync(path.join(r.dir, 'apiDefinition.swagger.json'), 'utf8'))));
    }
    const lines = [
      `Connector written to ${rel}/ (${r.operations} operations): ${r.changed.length} file(s) changed, ${r.unchanged.length} unchanged.`,
      ...r.summary.map((c) => `  ~ ${c.operationId}: ${c.message}`),
      ...(r.zipFile ? [`Zip: ${path.relative(loaded.root, r.zipFile)}`] : []),
      ...(postmanFile ? [`Postman collection: ${path.relative(loaded.root, postmanFile)}`] : []),
      r.env ? `Values from deploy environment "${r.env}".` : `Local placeholders: ${r.placeholders.join(', ')} — run \`connectorkit deploy\` before importing.`,
      `Import: paconn create --api-def ${rel}/apiDefinition.swagger.json --api-prop ${rel}/apiProperties.json --icon ${rel}/icon.png --secret <connector app secret>`,
    ];
    return { data: postmanFile ? { ...r, postmanFile } : r, text: lines.join('\n') };
  },
});
