/**
 * `publish` as a stage: reads everything first (who the identity is in Dataverse, the solution, the connector's Entra
 * app), then runs the connector and redirect-URI steps on the deploy engine in plan-only or apply mode.
 */
import { CkError, isCkError } from '../core/errors';
import type { IoHost } from '../core/io';
import { countChanges, runSteps, DEFAULT_RETRY, isTransient, type RetryStats, type RetryOptions, azureErrorInfo } from '../deploy';
import { GraphClient } from '../entra';
import type { PublishContext } from './context';
import { DataverseClient } from './dataverse-client';
import { desiredConnector } from './desired';
import { connectorStep, redirectStep } from './steps';
import type { PublishOptions, PublishResult } from './types';

/** Maps a final Dataverse/Graph failure to a coded error that says what to fix. */
export function toPublishError(e: unknown, ctx: { env: PublishOptions['env']; where: string }): CkError {
  if (isCkError(e)) return e;
  const info = azureErrorInfo(e);
  const pp = ctx.env.powerPlatform!;
  const what = `${ctx.where}: ${info.code ?? `HTTP ${info.status ?? '?'}`}: ${info.message}`;
  const data = { status: info.status, code: info.code };
  if (ctx.where.startsWith('Dataverse') && (info.status === 403 || (info.status === 401 && info.code === '0x80072560'))) {
    return new CkError({ code: 'CK_PUBLISH_NO_APPLICATION_USER', message: `${pp.environmentUrl} refused the deploy identity: ${info.message}`, cause: e, data });
  }
  // Only the first reads (where: 'Dataverse') judge the URL: later network failures are transient faults.
  if (ctx.where === 'Dataverse' && info.status === undefined && !isCkError(e)) {
    return new CkError({
      code: 'CK_PUBLISH_ENVIRONMENT_UNREACHABLE',
      message: `${pp.environmentUrl} did not answer: ${info.message}`,
      target: `${ctx.env.file}#powerPlatform.environmentUrl`,
      cause: e,
      data,
    });
  }
  if (ctx.where === 'Dataverse' && info.status !== undefined && !/^0x[0-9a-f]{8}$/i.test(info.code ?? '')) {
    return new CkError({
      code: 'CK_PUBLISH_ENVIRONMENT_UNREACHABLE',
      message: `${pp.environmentUrl} is not a Dataverse environment (${what}).`,
      target: `${ctx.env.file}#powerPlatform.environmentUrl`,
      cause: e,
      data,
    });
  }
  if (info.status === 429 || (info.status !== undefined && info.status >= 500) || isTransient(e)) return new CkError({ code: 'CK_PUBLISH_TRANSIENT_EXHAUSTED', message: what, cause: e, data });
  if (ctx.where.startsWith('Graph')) return new CkError({ code: info.status === 403 ? 'CK_DEPLOY_GRAPH_FORBIDDEN' : 'CK_DEPLOY_AZURE_ERROR', message: what, cause: e, data });
  return new CkError({ code: 'CK_PUBLISH_DATAVERSE_ERROR', message: what, cause: e, data });
}

/** The first reads: the identity's application user in the environment, and the unmanaged solution. */
export async function checkEnvironment(ctx: Pick<PublishContext, 'env' | 'pp' | 'dv'>): Promise<void> {
  const env = ctx.env;
  try {
    await ctx.dv.get('WhoAmI');
    const sol = (await ctx.dv.listBy('solutions', 'uniquename', ctx.pp.solution, ['solutionid', 'uniquename', 'ismanaged']))[0];
    if (!sol || sol.ismanaged === true) {
      throw new CkError({
        code: 'CK_PUBLISH_SOLUTION_NOT_FOUND',
        message: sol
          ? `Solution ${ctx.pp.solution} in ${ctx.pp.environmentUrl} is managed; a connector can only be added to an unmanaged solution.`
          : `Solution ${ctx.pp.solution} does not exist in ${ctx.pp.environmentUrl}.`,
        target: `${env.file}#powerPlatform.solution`,
      });
    }
  } catch (e) {
    throw toPublishError(e, { env, where: 'Dataverse' });
  }
}

/** Reads before any write: the identity's application user, the solution, and the connector app. */
export async function preflight(ctx: PublishContext): Promise<void> {
  const env = ctx.env;
  await checkEnvironment(ctx);
  if (!ctx.desired.clientId) return;
  let app;
  try {
    app = (await ctx.graph.listBy<NonNullable<PublishContext['connectorApp']>>('applications', 'appId', ctx.desired.clientId))[0];
  } catch (e) {
    throw toPublishError(e, { env, where: 'Graph' });
  }
  if (!app)
    throw new CkError({
      code: 'CK_PUBLISH_CONNECTOR_APP_NOT_FOUND',
      message: `No Entra app with client id ${ctx.desired.clientId} (connectionParameters oAuthSettings.clientId) in tenant ${env.tenantId}.`,
      target: 'apiProperties.json',
    });
  ctx.connectorApp = app;
}

/** The publish context without the desired row (which needs the exported connector folder). */
export function publishClients(opts: PublishOptions, pp: PublishContext['pp'], retry: RetryOptions, stats: RetryStats): Omit<PublishContext, 'desired' | 'out'> {
  const env = opts.env;
  return {
    env,
    pp,
    opts,
    retry,
    stats,
    dv: new DataverseClient({ environmentUrl: pp.environmentUrl, credential: opts.credential, retry, stats, solution: pp.solution }),
    graph: new GraphClient({ endpoint: env.cloud.graph, audience: env.cloud.graphAudience, credential: opts.credential, retry, stats }),
  };
}

/** Plans (and unless planOnly, applies) the publish of the connector folder into the env's Power Platform environment. */
export async function publish(opts: PublishOptions, io: IoHost): Promise<PublishResult> {
  const env = opts.env;
  const pp = env.powerPlatform;
  if (!pp) throw new CkError({ code: 'CK_PUBLISH_NOT_CONFIGURED', message: `${env.file} has no "powerPlatform" section.`, target: `${env.file}#powerPlatform` });
  const stats: RetryStats = { retries: 0 };
  const retry = { ...DEFAULT_RETRY, ...opts.retry };
  const base = publishClients(opts, pp, retry, stats);
  const ctx: PublishContext = { ...base, desired: desiredConnector(opts.connectorDir, pp.environmentUrl, pp.connectorName), out: {} };
  await preflight(ctx);
  const steps = ctx.connectorApp ? [connectorStep(), redirectStep()] : [connectorStep()];
  const changes = await runSteps(steps, ctx, {
    planOnly: opts.planOnly,
    retry,
    io,
    stats,
    mapError: (e, step) => toPublishError(e, { env, where: step.id === 'publish.connector' ? 'Dataverse connector' : 'Graph connector app' }),
  });
  const summary = countChanges(changes);
  const o = ctx.out;
  return {
    env: env.name,
    planOnly: opts.planOnly,
    environmentUrl: pp.environmentUrl,
    solution: pp.solution,
    connector: {
      name: ctx.desired.name,
      connectorid: String(o.connectorid ?? ctx.desired.connectorid),
      ...(o.internalId ? { internalId: String(o.internalId) } : {}),
      ...(o.redirectUri ? { redirectUri: o.redirectUri } : {}),
    },
    changes,
    summary,
    breaking: o.breaking ?? [],
    retries: stats.retries,
  };
}
