/** `connectorkit init <dir>`: starts a new API project that depends on connectorkit. */
import { defineCommand, Option } from './command';

interface InitFlags {
  name?: string;
  framework?: string;
}

export const command = defineCommand<InitFlags>({
  name: 'init',
  args: '<dir>',
  summary: 'Start a new API project in a new or empty folder (one example controller, ready to build and serve).',
  description:
    'Writes functions/ (an example controller and model), infra/environments/dev.json, host.json, tsconfig.json, package.json ' +
    '(depending on connectorkit), .gitignore, .ci/run and a README. Refuses a folder that is not empty. Then: cd <dir> && npm install && npm start.',
  options: [
    new Option('--name <display name>', "the API's display name: title, connector title, API id/path (default: from the folder name)"),
    new Option('--framework <spec>', 'the connectorkit dependency: a version, a range or a tarball from `npm pack` (default: this version)'),
  ],
  examples: ['connectorkit init expense-reports --name "Expense Reports"', 'connectorkit init my-api --framework ../connectorkit-0.1.0.tgz --json'],
  async run(args, flags, ctx) {
    const { initProject } = require('../init') as typeof import('../init');
    const path = require('node:path') as typeof import('node:path');
    const r = await ctx.io.step('Write the project', () => initProject(path.resolve(ctx.cwd, args[0]!), { name: flags.name, framework: flags.framework, cwd: ctx.cwd }));
    const rel = path.relative(ctx.cwd, r.dir) || '.';
    return { data: r, text: `Created ${r.names.title} in ${rel} (${r.files.length} files). Next:\n  cd ${rel}\n  npm install\n  npm start` };
  },
});
