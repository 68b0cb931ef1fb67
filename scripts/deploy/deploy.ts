/**
 * `deploy` as a stage: builds the Azure clients for the env's cloud, assembles the step graph (code ∥ Entra ∥ APIM
 * reads, then named value → backend → policy, then export) and runs it in plan-only or apply mode.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ApiManagementClient } from '@azure/arm-apimanagement';
import { WebSiteManagementClient } from '@azure/arm-appservice';
import { CkError } from '../core/errors';
import type { IoHost } from '../core/io';
import { registerSecret } from '../core/redact';
import { GraphClient } from '../entra';
import type { DeployContext } from './context';
import { countChanges, runSteps, type Step, type StepPlan } from './engine';
import { toDeployError, type ErrorSite } from './error-hints';
import { exportStep, type ExportState } from './export-step';
import { DEFAULT_RETRY, type RetryStats } from './retry';
import { ScmClient } from './scm-client';
import { lroPacingPolicy } from './lro-pacing';
import { graphScope, PROVIDERS, svcScope } from './providers';
import type { DeployOptions, DeployResult } from './types';

function readInput(file: string, what: string): Buffer {
  if (!existsSync(file)) throw new CkError({ code: 'CK_DEPLOY_INPUT_MISSING', message: `${what} (${file}) does not exist.`, target: file });
  return readFileSync(file);
}

/** Builds the context (clients, inputs) for one run. */
export function createContext(opts: DeployOptions, stats: RetryStats): DeployContext {
  const env = opts.env;
  const retry = { ...DEFAULT_RETRY, ...opts.retry };
  const specText = readInput(opts.specFile, 'The built spec').toString('utf8');
  const zip = readInput(opts.zipFile, 'The app package');
  const armOptions = {
    $host: env.cloud.resourceManager,
    endpoint: env.cloud.resourceManager,
    credentialScopes: [`${env.cloud.resourceManagerAudience}/.default`],
    // Our own retry policy (retry.ts) wraps every call; the SDK's would double it.
    retryOptions: { maxRetries: 0 },
    additionalPolicies: [{ policy: lroPacingPolicy({ maxDelayMs: retry.maxDelayMs, sleep: retry.sleep, now: retry.now }), position: 'perCall' as const }],
  };
  return {
    env,
    opts,
    retry,
    stats,
    apim: new ApiManagementClient(opts.credential, env.subscriptionId, armOptions),
    web: new WebSiteManagementClient(opts.credential, env.subscriptionId, armOptions),
    graph: new GraphClient({ endpoint: env.cloud.graph, audience: env.cloud.graphAudience, credential: opts.credential, retry, stats }),
    scm: new ScmClient({ credential: opts.credential, audience: env.cloud.resourceManagerAudience, retry, stats }),
    out: {},
    specText,
    spec: JSON.parse(specText) as Record<string, unknown>,
    zip,
    zipSha256: createHash('sha256').update(zip).digest('hex'),
    serviceId: svcScope(opts),
  };
}

/** The step graph of one run (a fresh context each time: the preflight plan and the apply never share state). */
export function deployGraph(opts: DeployOptions, stats: RetryStats) {
  const ctx = createContext(opts, stats);
  // Each provider loads and checks its infra/ files as it builds its steps, so a bad manifest fails the deploy
  // before anything runs — before its first write.
  const provided = PROVIDERS.flatMap((p) => p(ctx)).filter((s) => opts.createClientSecret || s.id !== 'entra.clientSecret');
  const sites = new Map<string, ErrorSite>(provided.map((s) => [s.id, s.site]));
  const exportState: ExportState = {};
  const steps: Step<DeployContext>[] = [...provided];
  if (!opts.skipExport)
    steps.push(
      exportStep(
        steps.map((s) => s.id),
        exportState,
      ),
    );
  return { ctx, steps, sites, exportState };
}

export type DeployGraph = ReturnType<typeof deployGraph>;

/** After the preflight: an unconfirmed breaking change (removed operations, connector export) stops with zero writes. */
export function refuseBreaking(g: DeployGraph, opts: DeployOptions, plan: unknown): void {
  const breaking = [...(g.ctx.out.removedOperations ?? []).map((o) => `${o}: removed`), ...(g.exportState.connector?.breaking ?? [])];
  if (breaking.length && !opts.allowBreaking) {
    throw new CkError({
      code: 'CK_DEPLOY_EXPORT_BREAKING',
      message: `The plan for ${opts.env.name} has breaking changes (${[...new Set(breaking)].join(', ')}); nothing was written.`,
      hint: 'Review them (connectorkit deploy --env <name> --plan); re-run with --allow-breaking if they are intended.',
      details: [...new Set(breaking)].map((b) => ({ code: 'BREAKING', message: b })),
      data: { plan },
    });
  }
}

/** Plans (and unless planOnly, applies) the deploy of one environment. */
export async function deploy(opts: DeployOptions, io: IoHost): Promise<DeployResult> {
  const stats: RetryStats = { retries: 0 };
  const run = (o: DeployOptions, g: DeployGraph, plans?: { record?: Map<string, StepPlan>; preplanned?: Map<string, StepPlan> }) =>
    runSteps(g.steps, g.ctx, {
      ...plans,
      planOnly: o.planOnly,
      retry: g.ctx.retry,
      io,
      stats,
      // Each provider's step carries its error site; the export step (no Azure resource) falls back to its title.
      mapError: (e, step) => toDeployError(e, g.sites.get(step.id) ?? { resource: step.title, scope: graphScope(o) }, o.env),
    });
  if (opts.createClientSecret && opts.onClientSecret) {
    const deliver = opts.onClientSecret;
    opts = {
      ...opts,
      onClientSecret: async (s) => {
        registerSecret(s);
        await deliver(s);
      },
    };
  }
  let changes;
  const g = deployGraph(opts, stats);
  if (opts.planOnly) changes = await run(opts, g);
  else {
    // Preflight: the whole plan is read first (every prerequisite, every current state) and nothing is written
    // unless it succeeds — a missing APIM service, product or Function App, a wrong subscription or an unconfirmed
    // breaking change stops the run with zero writes.
    const plans = new Map<string, StepPlan>();
    const plan = await io.step('Plan (read-only preflight)', () => run({ ...opts, planOnly: true }, g, { record: plans }));
    refuseBreaking(g, opts, plan);
    // Same context: the preflight's reads and outputs stand for every step whose inputs did not change.
    changes = await run(opts, g, { preplanned: plans });
  }
  const exportState = g.exportState;
  const summary = countChanges(changes);
  return {
    env: opts.env.name,
    planOnly: opts.planOnly,
    changes,
    summary,
    ...(exportState.outputs ? { outputs: exportState.outputs } : {}),
    ...(exportState.connector ? { connector: exportState.connector } : {}),
    retries: stats.retries,
  };
}
