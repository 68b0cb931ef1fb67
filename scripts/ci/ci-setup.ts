/**
 * `ci setup` as a stage: the deploy identity a GitHub repository signs in as (app registration, service principal,
 * federated credential) and its Azure roles, on the deploy engine — the whole plan is read before the first write,
 * and a re-run with nothing changed writes nothing.
 */
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { CkError } from '../core/errors';
import type { IoHost } from '../core/io';
import { GraphClient } from '../entra';
import { countChanges, planThenApply, UNKNOWN, toDeployError, DEFAULT_RETRY, type RetryStats, FEDERATION_AUDIENCE, GITHUB_ISSUER, AzureHttpError, type DeployEnvironment } from '../deploy';
import { graphPermissionStep, OWNED_BY, ownerSteps } from './graph-steps';
import { identitySteps } from './identity-steps';
import { deployRoles, roleSteps } from './role-steps';
import type { CiContext, CiSetupOptions, CiSetupResult } from './types';
import './codes';

const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
// GitHub environment names: no control characters, no quotes/backslashes/commas/colons (the subject uses colons).
const GH_ENV = /^[^\s:'",\\/][^:'",\\/]{0,254}$/;

/** Checks --repo and --environment (before anything is read). */
export function checkCiInput(repo: string, githubEnvironment: string): void {
  if (!REPO.test(repo) || repo.endsWith('.git')) throw new CkError({ code: 'CK_CI_REPO_INVALID', message: `--repo "${repo}" is not <owner>/<name>.`, target: '--repo' });
  if (!GH_ENV.test(githubEnvironment) || githubEnvironment.trim() !== githubEnvironment)
    throw new CkError({ code: 'CK_CI_ENVIRONMENT_INVALID', message: `--environment "${githubEnvironment}" is not a GitHub environment name.`, target: '--environment' });
}

/** The deploy app's names: beside the API app (`<api uniqueName without -api>-deploy`). */
export function deployAppNames(env: Pick<DeployEnvironment, 'entra'>): { displayName: string; uniqueName: string } {
  const api = env.entra.apiApp;
  return { displayName: `${api.displayName} deploy`, uniqueName: `${api.uniqueName.replace(/-api$/, '')}-deploy` };
}

/** The federated credential's name: unique per repository and environment, URL friendly, at most 120 characters. */
export function federatedName(repo: string, githubEnvironment: string): string {
  const slug = `github-${repo}-${githubEnvironment}`.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-+/g, '-');
  return slug.length <= 120 ? slug : `${slug.slice(0, 111)}-${Buffer.from(slug).toString('base64url').slice(-8)}`;
}

function context(opts: CiSetupOptions, stats: RetryStats): CiContext {
  const env = opts.env;
  const retry = { ...DEFAULT_RETRY, ...opts.retry };
  const scopeId = opts.scope === 'subscription' ? `/subscriptions/${env.subscriptionId}` : `/subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}`;
  return {
    env,
    opts,
    retry,
    stats,
    graph: new GraphClient({ endpoint: env.cloud.graph, audience: env.cloud.graphAudience, credential: opts.credential, retry, stats }),
    auth: new AuthorizationManagementClient(opts.credential, env.subscriptionId, {
      $host: env.cloud.resourceManager,
      endpoint: env.cloud.resourceManager,
      credentialScopes: [`${env.cloud.resourceManagerAudience}/.default`],
      // Our retry (deploy/retry.ts) wraps every call; the SDK's would double it.
      retryOptions: { maxRetries: 0 },
    }),
    scopeId,
    app: deployAppNames(opts.env),
    federated: { name: federatedName(opts.repo, opts.githubEnvironment), issuer: GITHUB_ISSUER, subject: `repo:${opts.repo}:environment:${opts.githubEnvironment}`, audiences: [FEDERATION_AUDIENCE] },
    roles: deployRoles(opts.root),
    out: {},
  };
}

/**
 * Graph's 403 on the two steps only an administrator may take says who can, and that the rest is in place (they run
 * last). Elsewhere the deploy's own error mapping applies.
 */
function graphRefusal(e: unknown, stepId: string, ctx: CiContext): CkError | undefined {
  if (!(e instanceof AzureHttpError) || e.status !== 403) return undefined;
  if (stepId === 'ci.graphPermission')
    return new CkError({
      code: 'CK_CI_GRAPH_PERMISSION_FORBIDDEN',
      message: `Microsoft Graph refused to grant ${OWNED_BY.value} to the deploy identity ${ctx.app.uniqueName}: granting an application permission needs a Privileged Role Administrator or Global Administrator.`,
      target: 'ci.graphPermission',
      cause: e,
    });
  if (stepId.startsWith('ci.owner.'))
    return new CkError({
      code: 'CK_CI_APP_OWNER_FORBIDDEN',
      message: `Microsoft Graph refused to make the deploy identity an owner of ${stepId === 'ci.owner.api' ? ctx.env.entra.apiApp.uniqueName : ctx.env.entra.connectorApp.uniqueName}: only an owner of that app or an Application Administrator may.`,
      target: stepId,
      cause: e,
    });
  return undefined;
}

/** Plans (and unless planOnly, applies) the CI identity of one environment for one repository. */
export async function ciSetup(opts: CiSetupOptions, io: IoHost): Promise<CiSetupResult> {
  checkCiInput(opts.repo, opts.githubEnvironment);
  const stats: RetryStats = { retries: 0 };
  const ctx = context(opts, stats);
  const rest = [...identitySteps(), ...roleSteps(ctx), ...ownerSteps(ctx)];
  const steps = [...rest, graphPermissionStep(rest.map((s) => s.id).filter((id) => id !== 'ci.sp'))];
  const changes = await planThenApply(steps, ctx, {
    planOnly: opts.planOnly,
    retry: ctx.retry,
    io,
    stats,
    mapError: (e, step) =>
      graphRefusal(e, step.id, ctx) ?? toDeployError(e, { resource: step.title, scope: step.id.startsWith('ci.role') ? ctx.scopeId : `Microsoft Graph (tenant ${opts.env.tenantId})` }, opts.env),
  });
  const summary = countChanges(changes);
  return {
    env: opts.env.name,
    repo: opts.repo,
    githubEnvironment: opts.githubEnvironment,
    subject: ctx.federated.subject,
    scope: ctx.scopeId,
    planOnly: opts.planOnly,
    changes,
    summary,
    variables: { AZURE_CLIENT_ID: ctx.out.appId ?? UNKNOWN, AZURE_TENANT_ID: opts.env.tenantId, AZURE_SUBSCRIPTION_ID: opts.env.subscriptionId },
    retries: stats.retries,
  };
}
