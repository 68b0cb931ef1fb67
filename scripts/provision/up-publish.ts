/**
 * The publish steps of `up` (scripts/publish/steps.ts, on the same graph), after deploy's export step. While the
 * export is about to change the connector folder, the connector step only reads what publish needs before any write
 * (the environment answers, the identity is an application user, the solution exists and is unmanaged) and plans a
 * "planned in full once deploy has exported connector/" line; in the apply, once the folder is written, it reads the
 * connector row and plans for real. When the export changes nothing, the full plan comes from the preflight.
 */
import * as path from 'node:path';
import type { IoHost } from '../core/io';
import type { DeployOptions, PlannedChange, RetryOptions, RetryStats, Step, StepPlan } from '../deploy';
import { checkEnvironment, connectorStep, desiredConnector, publishClients, publishPreflight, redirectStep, toPublishError, type PublishContext } from '../publish';

export interface UpPublish {
  steps: Step<null>[];
  /** Wraps deploy's export step: publish learns from its plan whether the connector folder is about to change. */
  watchExport(step: Step<null>): Step<null>;
  mapError(e: unknown, step: { id: string }): Error;
}

export const EXPORT_STEP = 'export';

/** The publish steps for `up`, or undefined (with one visible note) when the env file has no powerPlatform section. */
export function upPublishSteps(dopts: DeployOptions, publish: { clientSecret?: () => Promise<string | undefined> }, retry: RetryOptions, stats: RetryStats, io: IoHost): UpPublish | undefined {
  const env = dopts.env;
  const pp = env.powerPlatform;
  if (!pp) {
    io.log({ level: 'info', message: `Publish: not configured (${env.file} has no "powerPlatform" section); up provisions and deploys only.` });
    return undefined;
  }
  const opts = {
    env,
    credential: dopts.credential,
    connectorDir: dopts.connectorDir,
    planOnly: dopts.planOnly,
    allowBreaking: dopts.allowBreaking === true,
    ...(publish.clientSecret ? { clientSecret: publish.clientSecret } : {}),
  };
  const base = publishClients(opts, pp, retry, stats);
  const rel = `${path.relative(dopts.root, dopts.connectorDir) || '.'}/`;
  let exportPending = false;
  let ctx: PublishContext | undefined;
  const connector = connectorStep();
  const redirect = redirectStep();
  /** Reads the exported folder and everything publish reads before a write; a fresh context each time. */
  const full = async (): Promise<PublishContext> => {
    const c: PublishContext = { ...base, desired: desiredConnector(dopts.connectorDir, pp.environmentUrl, pp.connectorName), out: {} };
    await publishPreflight(c);
    ctx = c;
    return c;
  };
  const steps: Step<null>[] = [
    {
      id: connector.id,
      title: connector.title,
      deps: [EXPORT_STEP],
      plan: async (): Promise<StepPlan> => {
        ctx = undefined;
        if (!exportPending) return connector.plan(await full());
        await checkEnvironment(base);
        const change: PlannedChange = { stage: 'publish', resource: `connector in solution ${pp.solution}`, action: 'create', note: `planned in full once deploy has exported ${rel}` };
        return {
          changes: [change],
          apply: async () => {
            await (await connector.plan(await full())).apply?.();
          },
        };
      },
    },
    {
      id: redirect.id,
      title: redirect.title,
      deps: [connector.id],
      // Planned with the connector's context; no line of its own while the connector is planned after the export.
      plan: async (): Promise<StepPlan> => (ctx?.connectorApp ? redirect.plan(ctx) : { changes: [] }),
    },
  ];
  return {
    steps,
    watchExport: (s) => ({
      ...s,
      plan: async () => {
        const p = await s.plan(null);
        exportPending = !!p.apply || p.changes.some((c) => c.action !== 'no-op');
        return p.apply ? { ...p, apply: async () => void (await p.apply!(), (exportPending = false)) } : p;
      },
    }),
    mapError: (e, step) => toPublishError(e, { env, where: step.id === connector.id ? 'Dataverse connector' : 'Graph connector app' }),
  };
}
