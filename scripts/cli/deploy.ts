/** `connectorkit deploy`: publish the code, register the API in APIM behind Entra ID, export the live connector. */
import * as path from 'node:path';
import { closeSync, openSync, writeSync } from 'node:fs';
import { defineCommand, Option } from './command';
import { CkError } from '../core/errors';
import type { DeployOptions } from '../deploy';

interface DeployFlags {
  env: string;
  plan?: boolean;
  yes?: boolean;
  auth?: string;
  createClientSecret?: boolean;
  clientSecretFile?: string;
  allowBreaking?: boolean;
}

/** Delivers a new client secret once: to a file outside the repo (0600), or straight to the terminal. */
export function secretSink(root: string, file: string | undefined): (s: string) => void {
  if (file) {
    const abs = path.resolve(file);
    if (!path.relative(root, abs).startsWith('..'))
      throw new CkError({
        code: 'CK_DEPLOY_ENV_SECRET',
        message: `--client-secret-file ${file} is inside the project; secrets must never land in the repo.`,
        hint: 'Pick a path outside the project, e.g. ~/.connectorkit/<env>.secret.',
        target: '--client-secret-file',
      });
    return (s) => {
      const fd = openSync(abs, 'w', 0o600);
      writeSync(fd, `${s}\n`);
      closeSync(fd);
    };
  }
  if (!process.stderr.isTTY)
    throw new CkError({
      code: 'CK_DEPLOY_ENV_SECRET',
      message: '--create-client-secret needs a terminal or --client-secret-file <path>.',
      hint: 'The secret is shown once; in CI write it to a file outside the repo and move it to your secret store.',
      target: '--client-secret-file',
    });
  // Deliberately bypasses the scrubbing IoHost: this is the one place the secret is shown, to a human, once.
  return (s) => void writeSync(2, `\nConnector client secret (shown once, copy it now): ${s}\n\n`);
}

export const command = defineCommand<DeployFlags>({
  name: 'deploy',
  summary: 'Deploy to Azure: Function App code, Entra app registrations, API Management, then export the connector.',
  description:
    'Reads infra/environments/<env>.json, plans every change (create / update / delete / no-op) against what exists, and applies it: ' +
    'publishes dist/app.zip, creates or updates the Entra API and connector apps, imports dist/swagger.json into API Management with a ' +
    'validate-jwt policy and a function-key backend, then re-exports connector/ with the gateway host and app ids and validates it. ' +
    'A re-run with nothing changed writes nothing.',
  options: [
    new Option('--env <name>', 'environment file infra/environments/<name>.json').makeOptionMandatory(),
    new Option('--plan', 'print the plan and write nothing'),
    new Option('--yes', 'apply the plan; without it deploy only plans and stops (exit 1) when there are changes'),
    new Option('--auth <kind>', 'credential: cli, env, workload, managed-identity, interactive, github-oidc (default: DefaultAzureCredential, honours AZURE_TOKEN_CREDENTIALS)'),
    new Option('--create-client-secret', 'add a new client secret to the connector app (shown once, never stored)'),
    new Option('--client-secret-file <path>', 'write the new client secret to this file (outside the project, mode 0600)'),
    new Option('--allow-breaking', 'let the connector export remove or change operations incompatibly'),
  ],
  examples: [
    'connectorkit deploy --env dev --plan',
    'connectorkit deploy --env dev --yes',
    'connectorkit deploy --env prod --auth env --yes --json',
    'connectorkit deploy --env dev --yes --create-client-secret',
  ],
  async run(_args, flags, ctx) {
    // Stages load inside run(): help and --version load every command module, and must not pull in the stage's dependencies.
    const { loadConfig } = require('../config') as typeof import('../config');
    const { loadEnvironment, createCredential, deploy, renderDeploy } = require('../deploy') as typeof import('../deploy');
    const { buildPaths } = require('../build') as typeof import('../build');
    const loaded = loadConfig({ cwd: ctx.cwd });
    const { specFile, zipFile } = buildPaths(loaded);
    const env = loadEnvironment(loaded.root, flags.env);
    const { credential, name } = createCredential(flags.auth, env);
    ctx.io.log({ level: 'info', message: `Environment ${env.name} (${env.file}): cloud ${env.cloud.name}, tenant ${env.tenantId}, credential ${name}` });
    const opts: DeployOptions = {
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
      ...(loaded.config.deploy?.retry ? { retry: loaded.config.deploy.retry } : {}),
    };
    if (opts.createClientSecret && !flags.plan) opts.onClientSecret = secretSink(loaded.root, flags.clientSecretFile);
    if (flags.plan || !flags.yes) {
      const plan = await deploy(opts, ctx.io);
      const pending = plan.changes.some((c) => c.action !== 'no-op');
      if (flags.plan || !pending) return { data: plan, text: renderDeploy(plan) };
      throw new CkError({
        code: 'CK_DEPLOY_CONFIRM_REQUIRED',
        message: `The plan for ${env.name} has ${plan.changes.filter((c) => c.action !== 'no-op').length} change(s); nothing was written.`,
        data: { plan: plan.changes },
      });
    }
    const result = await deploy({ ...opts, planOnly: false }, ctx.io);
    return { data: result, text: renderDeploy(result) };
  },
});
