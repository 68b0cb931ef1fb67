/** `connectorkit publish`: the exported connector into a Power Platform environment, and its redirect URI into Entra. */
import { defineCommand, Option } from './command';
import { CkError } from '../core/errors';
import '../publish/codes';

interface PublishFlags {
  env: string;
  plan?: boolean;
  yes?: boolean;
  auth?: string;
  clientSecretFile?: string;
  allowBreaking?: boolean;
}

export const command = defineCommand<PublishFlags>({
  name: 'publish',
  summary: 'Publish the connector folder into a Power Platform environment (Dataverse) and close its sign-in loop in Entra.',
  description:
    'Reads powerPlatform.environmentUrl and powerPlatform.solution from infra/environments/<env>.json, then creates or updates the custom ' +
    "connector row (Dataverse Web API, connectors table) in that solution from the exported connector folder, and adds the connector's " +
    'redirect URI https://global.consent.azure-apim.net/redirect/<connector id> to its Entra app. The token comes from the same credential ' +
    'as deploy; that identity must be an application user of the environment. A re-run with nothing changed writes nothing.',
  options: [
    new Option('--env <name>', 'environment file infra/environments/<name>.json').makeOptionMandatory(),
    new Option('--plan', 'print the plan (create / update with the changed columns / no-op) and write nothing'),
    new Option('--yes', 'apply the plan; without it publish only plans and stops (exit 1) when there are changes'),
    new Option('--auth <kind>', 'credential: cli, env, workload, managed-identity, interactive, github-oidc (default: DefaultAzureCredential)'),
    new Option('--client-secret-file <path>', "the connector app's OAuth client secret, from a file outside the project (or CK_CONNECTOR_CLIENT_SECRET)"),
    new Option('--allow-breaking', 'publish even if operations of the live connector are removed or changed incompatibly'),
  ],
  examples: ['connectorkit publish --env dev --plan', 'connectorkit publish --env dev --yes', 'connectorkit publish --env prod --auth workload --yes --json'],
  async run(_args, flags, ctx) {
    const { loadConfig } = require('../config') as typeof import('../config');
    const { loadEnvironment, createCredential } = require('../deploy') as typeof import('../deploy');
    const { publish, renderPublish, clientSecretSource } = require('../publish') as typeof import('../publish');
    const loaded = loadConfig({ cwd: ctx.cwd });
    const env = loadEnvironment(loaded.root, flags.env);
    const { credential, name } = createCredential(flags.auth, env);
    ctx.io.log({ level: 'info', message: `Environment ${env.name} (${env.file}): ${env.powerPlatform?.environmentUrl ?? '(no powerPlatform section)'}, credential ${name}` });
    const clientSecret = clientSecretSource({ root: loaded.root, file: flags.clientSecretFile, keyVaultUrl: env.powerPlatform?.clientSecretKeyVaultUrl, credential });
    const opts = {
      env,
      credential,
      planOnly: true,
      allowBreaking: flags.allowBreaking === true,
      connectorDir: loaded.resolve(loaded.config.connectorDir),
      ...(clientSecret ? { clientSecret } : {}),
      ...(loaded.config.deploy?.retry ? { retry: loaded.config.deploy.retry } : {}),
    };
    if (flags.plan || !flags.yes) {
      const plan = await publish(opts, ctx.io);
      const pending = plan.changes.filter((c) => c.action !== 'no-op').length;
      if (flags.plan || !pending) return { data: plan, text: renderPublish(plan) };
      throw new CkError({ code: 'CK_PUBLISH_CONFIRM_REQUIRED', message: `The publish plan for ${env.name} has ${pending} change(s); nothing was written.`, data: { plan: plan.changes } });
    }
    const result = await publish({ ...opts, planOnly: false }, ctx.io);
    return { data: result, text: renderPublish(result) };
  },
});
