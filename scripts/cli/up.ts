/** `connectorkit up`: provision, then deploy, as one plan with one confirmation. */
import { defineCommand, Option } from './command';
import { CkError } from '../core/errors';
import { secretSink } from './deploy';
import type { DeployOptions } from '../deploy';

interface UpFlags {
  env: string;
  plan?: boolean;
  yes?: boolean;
  auth?: string;
  createClientSecret?: boolean;
  clientSecretFile?: string;
  allowBreaking?: boolean;
}

export const command = defineCommand<UpFlags>({
  name: 'up',
  summary: 'Provision, then deploy: from an empty subscription to a working API behind API Management and an exported connector, in one plan.',
  description:
    'Plans `provision` (resource group, storage, monitoring, identity and roles, Flex Consumption Function App, API Management) and ' +
    '`deploy` (code, app settings, Entra apps, APIM registration, connector export) together: one read-only preflight across both reads ' +
    'everything before the first write, then one confirmation (--yes) applies it. Deploy steps that need a resource provision is about ' +
    'to create are planned in full once it exists. A re-run with nothing changed writes nothing.',
  options: [
    new Option('--env <name>', 'environment file infra/environments/<name>.json').makeOptionMandatory(),
    new Option('--plan', 'print the plan and write nothing'),
    new Option('--yes', 'apply the plan; without it up only plans and stops (exit 1) when there are changes'),
    new Option('--auth <kind>', 'credential: cli, env, workload, managed-identity, interactive, github-oidc (default: DefaultAzureCredential, honours AZURE_TOKEN_CREDENTIALS)'),
    new Option('--create-client-secret', 'add a new client secret to the connector app (shown once, never stored)'),
    new Option('--client-secret-file <path>', 'write the new client secret to this file (outside the project, mode 0600)'),
    new Option('--allow-breaking', 'let the connector export remove or change operations incompatibly'),
  ],
  examples: ['connectorkit up --env dev --plan', 'connectorkit up --env dev --yes', 'connectorkit up --env prod --auth github-oidc --yes --json'],
  async run(_args, flags, ctx) {
    // Stages load inside run(): help must not pull in the Azure SDKs.
    const { loadConfig } = require('../config') as typeof import('../config');
    const { loadEnvironment, createCredential } = require('../deploy') as typeof import('../deploy');
    const { up, renderProvision } = require('../provision') as typeof import('../provision');
    const { buildPaths } = require('../build') as typeof import('../build');
    const loaded = loadConfig({ cwd: ctx.cwd });
    const { specFile, zipFile } = buildPaths(loaded);
    const env = loadEnvironment(loaded.root, flags.env);
    const { credential, name } = createCredential(flags.auth, env);
    ctx.io.log({
      level: 'info',
      message: `Environment ${env.name} (${env.file}): cloud ${env.cloud.name}, subscription ${env.subscriptionId}, location ${env.location ?? '(none)'}, credential ${name}`,
    });
    const retry = loaded.config.deploy?.retry ? { retry: loaded.config.deploy.retry } : {};
    const deploy: DeployOptions = {
      env,
      root: loaded.root,
      credential,
      planOnly: true,
      scope: loaded.config.auth.scope,
      config: loaded.config,
      specFile,
      zipFile,
      connectorDir: loaded.resolve(loaded.config.connectorDir),
      allowBreaking: flags.allowBreaking === true,
      createClientSecret: flags.createClientSecret === true,
      ...retry,
    };
    if (deploy.createClientSecret && !flags.plan) deploy.onClientSecret = secretSink(loaded.root, flags.clientSecretFile);
    const options = (planOnly: boolean) => ({ provision: { env, root: loaded.root, credential, planOnly, ...retry }, deploy: { ...deploy, planOnly } });
    if (flags.plan || !flags.yes) {
      const plan = await up(options(true), ctx.io);
      const pending = plan.changes.filter((c) => c.action !== 'no-op').length;
      if (flags.plan || !pending) return { data: plan, text: renderProvision(plan, 'Up') };
      throw new CkError({ code: 'CK_PROVISION_CONFIRM_REQUIRED', message: `The up plan for ${env.name} has ${pending} change(s); nothing was written.`, data: { plan: plan.changes } });
    }
    const result = await up(options(false), ctx.io);
    return { data: result, text: renderProvision(result, 'Up') };
  },
});
