/** `connectorkit provision`: the Azure resources an environment runs on, from infra/resources/ (plan first, then --yes). */
import { defineCommand, Option } from './command';
import { CkError } from '../core/errors';

interface ProvisionFlags {
  env: string;
  plan?: boolean;
  yes?: boolean;
  auth?: string;
}

export const command = defineCommand<ProvisionFlags>({
  name: 'provision',
  summary: 'Create the Azure resources of an environment: resource group, storage, monitoring, identity, Flex Consumption Function App, API Management.',
  description:
    'Reads infra/environments/<env>.json and infra/resources/, plans every resource (create / update / no-op) against what exists and, with ' +
    '--yes, applies it: resource group, storage account (no shared keys, TLS 1.2, no public blobs) with the deployment container, Log ' +
    'Analytics + Application Insights (local auth off), a user-assigned managed identity and its role assignments, a Flex Consumption plan ' +
    'and Function App (identity-based storage and telemetry settings), and API Management (Consumption unless apim.sku says otherwise). ' +
    'Names default to <abbreviation>-<env>-<suffix> (suffix from subscription, environment and location); a resource named in the env file ' +
    'that exists is adopted and never changed. Everything is read before the first write (region, name availability); created resources are ' +
    'tagged connectorkit-env=<env>. A re-run with nothing changed writes nothing; an interrupted API Management creation is resumed.',
  options: [
    new Option('--env <name>', 'environment file infra/environments/<name>.json').makeOptionMandatory(),
    new Option('--plan', 'print the plan and write nothing'),
    new Option('--yes', 'apply the plan; without it provision only plans and stops (exit 1) when there are changes'),
    new Option('--auth <kind>', 'credential: cli, env, workload, managed-identity, interactive, github-oidc (default: DefaultAzureCredential, honours AZURE_TOKEN_CREDENTIALS)'),
  ],
  examples: ['connectorkit provision --env dev --plan', 'connectorkit provision --env dev --yes', 'connectorkit provision --env prod --auth env --yes --json'],
  async run(_args, flags, ctx) {
    // Stages load inside run(): help must not pull in the Azure SDKs.
    const { loadConfig } = require('../config') as typeof import('../config');
    const { loadEnvironment, createCredential } = require('../deploy') as typeof import('../deploy');
    const { provision, renderProvision } = require('../provision') as typeof import('../provision');
    const loaded = loadConfig({ cwd: ctx.cwd });
    const env = loadEnvironment(loaded.root, flags.env);
    const { credential, name } = createCredential(flags.auth, env);
    ctx.io.log({
      level: 'info',
      message: `Environment ${env.name} (${env.file}): cloud ${env.cloud.name}, subscription ${env.subscriptionId}, location ${env.location ?? '(none)'}, credential ${name}`,
    });
    const opts = { env, root: loaded.root, credential, planOnly: true, ...(loaded.config.deploy?.retry ? { retry: loaded.config.deploy.retry } : {}) };
    if (flags.plan || !flags.yes) {
      const plan = await provision(opts, ctx.io);
      const pending = plan.changes.filter((c) => c.action !== 'no-op').length;
      if (flags.plan || !pending) return { data: plan, text: renderProvision(plan) };
      throw new CkError({ code: 'CK_PROVISION_CONFIRM_REQUIRED', message: `The provision plan for ${env.name} has ${pending} change(s); nothing was written.`, data: { plan: plan.changes } });
    }
    const result = await provision({ ...opts, planOnly: false }, ctx.io);
    return { data: result, text: renderProvision(result) };
  },
});
