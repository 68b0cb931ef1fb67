/**
 * `up` = provision, then deploy, as ONE step graph: one read-only preflight across both (every resource, every
 * deploy input, breaking changes) before the first write, one confirmation, then one apply. Deploy steps depend on
 * the provision steps that create what they read (the Function App and its platform settings, the APIM service).
 * While provision plans to create one of those, the deploy steps that need it cannot read it yet: they plan a
 * "create, planned in full after provision" line instead, and in the apply — where their inputs have changed —
 * they read and plan for real. A no-op re-run reuses every preflight read and writes nothing. When the env file has a
 * powerPlatform section, the publish steps join the graph after the connector export (see up-publish.ts).
 */
import type { IoHost } from '../core/io';
import { registerSecret } from '../core/redact';
import { countChanges, deployGraph, refuseBreaking, runSteps, toDeployError, type DeployOptions, type DeployResult, type PlannedChange, type RetryStats, type Step, type StepPlan } from '../deploy';
import { upPublishSteps, EXPORT_STEP } from './up-publish';
import { provisionErrorMapper, provisionGraph } from './provision';
import type { ProvisionOptions, ProvisionResult } from './types';

export interface UpOptions {
  provision: ProvisionOptions;
  deploy: DeployOptions;
  /** Publish (when the env file configures powerPlatform): the connector app's OAuth client secret, if any. */
  publish?: { clientSecret?: () => Promise<string | undefined> };
  /** Wraps each step of the graph (the bench times them); identity by default. */
  instrument?: (step: Step<null>) => Step<null>;
}

export interface UpResult extends ProvisionResult {
  outputs?: DeployResult['outputs'];
  connector?: DeployResult['connector'];
}

type Needs = 'functionApp' | 'apimService';

/** Which provisioned resources a deploy step reads (it then waits for the provision steps that make them). */
function needsOf(id: string): Needs[] {
  if (['apim.namedValue', 'apim.backend', 'apim.policy'].includes(id)) return ['functionApp', 'apimService'];
  if (id.startsWith('code.') || id.startsWith('app.')) return ['functionApp'];
  if (id.startsWith('apim.')) return ['apimService'];
  return [];
}

const READ_ONLY = new Set(['code.site', 'code.hostKey', 'apim.service']);

/** The provision steps that make a resource ready for deploy (the site with its settings and storage roles). */
const READY_AFTER: Record<Needs, string[]> = { functionApp: ['prov.site', 'prov.settings', 'prov.roles.identity'], apimService: ['prov.apim'] };

/** Plans (and unless planOnly, applies) provision + deploy of one environment. */
export async function up(opts: UpOptions, io: IoHost): Promise<UpResult> {
  const stats: RetryStats = { retries: 0 };
  let dopts = opts.deploy;
  if (dopts.createClientSecret && dopts.onClientSecret) {
    const deliver = dopts.onClientSecret;
    dopts = {
      ...dopts,
      onClientSecret: async (s) => {
        registerSecret(s);
        await deliver(s);
      },
    };
  }
  const p = provisionGraph(opts.provision, io, stats);
  const g = deployGraph(dopts, stats);
  const creating = p.ctx.out.creating;
  const deploySites = new Map(g.steps.map((s) => [s.id, g.sites.get(s.id) ?? { resource: s.title, scope: `Microsoft Graph (tenant ${dopts.env.tenantId})` }]));
  const provError = provisionErrorMapper(p.ctx, p.steps);
  const provIds = new Set(p.steps.map((s) => s.id));
  const pub = upPublishSteps(dopts, opts.publish ?? {}, g.ctx.retry, stats, io);
  const pubIds = new Set(pub?.steps.map((s) => s.id));
  const steps: Step<null>[] = [
    ...p.steps.map((s) => ({ id: s.id, title: s.title, deps: s.deps, plan: () => s.plan(p.ctx) })),
    ...g.steps.map((s) => {
      const needs = needsOf(s.id);
      const after = needs.flatMap((n) => READY_AFTER[n]);
      return {
        id: s.id,
        title: s.title,
        deps: [...new Set([...s.deps, ...after.filter((a) => provIds.has(a))])],
        plan: async (): Promise<StepPlan> => {
          const waiting = needs.filter((n) => creating.has(n));
          if (!waiting.length) return s.plan(g.ctx);
          // Read and plan for real once provision has made what the step reads; the run waits for the write.
          const later = async () => {
            await (await s.plan(g.ctx)).apply?.();
          };
          // Steps that only read (the site, its host key, the APIM service) have no plan line of their own.
          if (READ_ONLY.has(s.id)) return { changes: [], apply: later };
          const what = waiting.map((n) => (n === 'functionApp' ? `Function App ${dopts.env.functionApp}` : `API Management ${dopts.env.apimService}`)).join(' and ');
          const change: PlannedChange = { stage: stageOf(s.id), resource: s.title, action: 'create', note: `planned in full once provision has created ${what}` };
          return { changes: [change], apply: later };
        },
      };
    }),
  ];
  if (pub) steps.splice(0, steps.length, ...steps.map((s) => (s.id === EXPORT_STEP ? pub.watchExport(s) : s)), ...pub.steps);
  if (opts.instrument) steps.splice(0, steps.length, ...steps.map(opts.instrument));
  const run = (planOnly: boolean, plans: { record?: Map<string, StepPlan>; preplanned?: Map<string, StepPlan> }) =>
    runSteps(steps, null, {
      ...plans,
      planOnly,
      retry: g.ctx.retry,
      io,
      stats,
      mapError: (e, step) => (provIds.has(step.id) ? provError(e, step) : pubIds.has(step.id) ? pub!.mapError(e, step) : toDeployError(e, deploySites.get(step.id)!, dopts.env)),
    });
  let changes: PlannedChange[];
  if (opts.provision.planOnly) changes = await run(true, {});
  else {
    const plans = new Map<string, StepPlan>();
    const plan = await io.step(`Plan (read-only preflight of ${pub ? 'provision, deploy and publish' : 'provision and deploy'})`, () => run(true, { record: plans }));
    refuseBreaking(g, dopts, plan);
    changes = await run(false, { preplanned: plans });
  }
  return {
    env: dopts.env.name,
    planOnly: opts.provision.planOnly,
    changes,
    summary: countChanges(changes),
    names: p.ctx.env.names,
    retries: stats.retries,
    ...(g.exportState.outputs && !opts.provision.planOnly ? { outputs: g.exportState.outputs } : {}),
    ...(g.exportState.connector ? { connector: g.exportState.connector } : {}),
  };
}

function stageOf(id: string): PlannedChange['stage'] {
  const s = id.split('.')[0];
  return s === 'code' || s === 'apim' || s === 'app' || s === 'entra' ? s : 'export';
}
