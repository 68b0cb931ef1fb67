/** `connectorkit down`: remove what connectorkit created for an environment, and say what it keeps. */
import { defineCommand, Option } from './command';
import { CkError } from '../core/errors';

interface DownFlags {
  env: string;
  plan?: boolean;
  yes?: boolean;
  auth?: string;
}

export const command = defineCommand<DownFlags>({
  name: 'down',
  summary: 'Remove what connectorkit created for an environment (tagged resources, its role assignments, its Entra apps); keep the rest.',
  description:
    'Reads infra/environments/<env>.json and everything in its resource group, then plans: resources tagged connectorkit-env=<env> are deleted ' +
    '(the whole group when it is tagged and holds nothing else, otherwise each resource, Function App first and managed identity last), ' +
    'the role assignments provision made on resources that stay are removed, and the Entra apps deploy created (tagged connectorkit-env:<env>) ' +
    'are deleted with their service principals. Resources the env file names that exist without the tag were adopted: they are never deleted, ' +
    'and the plan says so. Without --yes nothing is deleted. A run cut short can be re-run; with nothing left it writes nothing.',
  options: [
    new Option('--env <name>', 'environment file infra/environments/<name>.json').makeOptionMandatory(),
    new Option('--plan', 'print what would be deleted and kept; delete nothing'),
    new Option('--yes', 'delete; without it down only plans and stops (exit 1) when something would be deleted'),
    new Option('--auth <kind>', 'credential: cli, env, workload, managed-identity, interactive, github-oidc (default: DefaultAzureCredential, honours AZURE_TOKEN_CREDENTIALS)'),
  ],
  examples: ['connectorkit down --env dev --plan', 'connectorkit down --env dev --yes', 'connectorkit down --env ci --auth github-oidc --yes --json'],
  async run(_args, flags, ctx) {
    // Stages load inside run(): help and --version load every command module, and must not pull in the stage's dependencies.
    const { loadConfig } = require('../config') as typeof import('../config');
    const { loadEnvironment, createCredential } = require('../deploy') as typeof import('../deploy');
    const { down, renderDown } = require('../provision') as typeof import('../provision');
    const loaded = loadConfig({ cwd: ctx.cwd });
    const env = loadEnvironment(loaded.root, flags.env);
    const { credential, name } = createCredential(flags.auth, env);
    ctx.io.log({ level: 'info', message: `Environment ${env.name} (${env.file}): cloud ${env.cloud.name}, subscription ${env.subscriptionId}, credential ${name}` });
    const opts = { env, root: loaded.root, credential, planOnly: true, ...(loaded.config.deploy?.retry ? { retry: loaded.config.deploy.retry } : {}) };
    if (flags.plan || !flags.yes) {
      const plan = await down(opts, ctx.io);
      const pending = plan.changes.filter((c) => c.action === 'delete').length;
      if (flags.plan || !pending) return { data: plan, text: renderDown(plan) };
      throw new CkError({
        code: 'CK_DOWN_CONFIRM_REQUIRED',
        message: `down would delete ${pending} item(s) of environment ${env.name}; nothing was deleted.`,
        data: { plan: plan.changes, kept: plan.kept },
      });
    }
    const result = await down({ ...opts, planOnly: false }, ctx.io);
    return { data: result, text: renderDown(result) };
  },
});
