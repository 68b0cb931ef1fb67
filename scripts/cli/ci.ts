/** `connectorkit ci setup`: the deploy identity a GitHub repository signs in as through OIDC, and its roles. */
import { defineCommand, Option } from './command';
import { CkError } from '../core/errors';

interface CiSetupFlags {
  env: string;
  repo: string;
  environment?: string;
  scope?: string;
  plan?: boolean;
  yes?: boolean;
  auth?: string;
  graphPermission?: boolean;
}

const setup = defineCommand<CiSetupFlags>({
  name: 'setup',
  summary: 'Create the deploy identity for GitHub Actions (app registration, federated credential, roles) and print the repository variables.',
  description:
    'Plans, then (with --yes) creates or updates, in the tenant and subscription of infra/environments/<env>.json: the deploy app ' +
    'registration (found by uniqueName) and its service principal; a federated credential trusting GitHub Actions jobs of --repo ' +
    'that run in the GitHub environment --environment (issuer https://token.actions.githubusercontent.com, subject ' +
    'repo:<owner/name>:environment:<environment>, audience api://AzureADTokenExchange); and the roles `up` needs (Contributor, and ' +
    'Role Based Access Control Administrator limited to the roles provision assigns) on the subscription or resource group; the Graph ' +
    'application permission Application.ReadWrite.OwnedBy (admin consent: needs a Privileged Role Administrator, see --no-graph-permission), ' +
    'and ownership of the API and connector apps when they exist already. Then it ' +
    'prints AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_SUBSCRIPTION_ID to store as GitHub variables. No secret is created. A re-run ' +
    'with nothing changed writes nothing.',
  options: [
    new Option('--env <name>', 'environment file infra/environments/<name>.json').makeOptionMandatory(),
    new Option('--repo <owner/name>', 'the GitHub repository whose workflows deploy').makeOptionMandatory(),
    new Option('--environment <name>', 'the GitHub environment the deploy job runs in (default: the --env name)'),
    new Option('--scope <scope>', 'where the roles are assigned').choices(['subscription', 'resource-group']).default('subscription'),
    new Option('--plan', 'print the plan and write nothing'),
    new Option('--yes', 'apply the plan; without it ci setup only plans and stops (exit 1) when there are changes'),
    new Option('--no-graph-permission', 'do not grant the Graph application permission Application.ReadWrite.OwnedBy (an administrator grants it; see docs/ci.md)'),
    new Option('--auth <kind>', 'credential of the administrator running this: cli, env, workload, managed-identity, interactive (default: DefaultAzureCredential)'),
  ],
  examples: [
    'connectorkit ci setup --env dev --repo contoso/hr-api --plan',
    'connectorkit ci setup --env dev --repo contoso/hr-api --yes',
    'connectorkit ci setup --env prod --repo contoso/hr-api --environment production --scope resource-group --yes --json',
  ],
  async run(_args, flags, ctx) {
    // Stages load inside run(): help must not pull in the Azure SDKs.
    const { loadConfig } = require('../config') as typeof import('../config');
    const { loadEnvironment, createCredential } = require('../deploy') as typeof import('../deploy');
    const { ciSetup, checkCiInput, renderCiSetup } = require('../ci') as typeof import('../ci');
    const githubEnvironment = flags.environment ?? flags.env;
    checkCiInput(flags.repo, githubEnvironment);
    const loaded = loadConfig({ cwd: ctx.cwd });
    const env = loadEnvironment(loaded.root, flags.env);
    const { credential, name } = createCredential(flags.auth, env);
    ctx.io.log({ level: 'info', message: `Environment ${env.name} (${env.file}): cloud ${env.cloud.name}, tenant ${env.tenantId}, credential ${name}` });
    const opts = {
      env,
      root: loaded.root,
      repo: flags.repo,
      githubEnvironment,
      scope: flags.scope === 'resource-group' ? ('resource-group' as const) : ('subscription' as const),
      planOnly: true,
      credential,
      graphPermission: flags.graphPermission !== false,
      ...(loaded.config.deploy?.retry ? { retry: loaded.config.deploy.retry } : {}),
    };
    if (flags.plan || !flags.yes) {
      const plan = await ciSetup(opts, ctx.io);
      const pending = plan.changes.filter((c) => c.action !== 'no-op').length;
      if (flags.plan || !pending) return { data: plan, text: renderCiSetup(plan) };
      throw new CkError({ code: 'CK_CI_CONFIRM_REQUIRED', message: `The CI setup plan for ${env.name} has ${pending} change(s); nothing was written.`, data: { plan: plan.changes } });
    }
    const result = await ciSetup({ ...opts, planOnly: false }, ctx.io);
    return { data: result, text: renderCiSetup(result) };
  },
});

export const command = defineCommand({
  name: 'ci',
  summary: 'Continuous deployment: `ci setup` wires a GitHub repository to deploy through OIDC (no stored secret).',
  json: false,
  subcommands: [setup],
  async run() {
    // Never called: commander runs the subcommands.
  },
});
