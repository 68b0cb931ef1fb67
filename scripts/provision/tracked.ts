/**
 * The shape every provisioned ARM resource shares: read it (absent on 404), decide whether provision owns it (it
 * carries the tag `connectorkit-env: <env>`), adopts it (it exists without that tag: used as is, never changed,
 * tagged or deleted) or creates it; compare only the declared fields (deploy's compare.ts) and write the whole
 * desired body when they differ. Outputs for dependents are published from what was read (UNKNOWN before a create).
 */
import { azureErrorInfo, diffProps, ENV_TAG, NAME_RULES, normaliseLocation, UNKNOWN, withRetry, type PlannedChange, type PropertyDiff, type ResourceKind, type StepPlan } from '../deploy';
import type { ProvisionContext, ProvisionStep } from './types';

/** An ARM resource as the SDKs return it (tags and location at the top level). */
export interface ArmLike {
  id?: string;
  location?: string;
  tags?: Record<string, string>;
  [k: string]: any;
}

export interface TrackedSpec {
  id: string;
  deps: string[];
  /** Which name (and env-file key) this resource has. */
  kind: ResourceKind;
  /** Human label, e.g. "Storage account". */
  label: string;
  /** ARM scope of the resource (for error hints). */
  scope: (ctx: ProvisionContext) => string;
  read(ctx: ProvisionContext): Promise<object | undefined>;
  /** The desired body (manifest filled with plan-time values and known outputs); tags are added here. */
  desired(ctx: ProvisionContext): Record<string, unknown>;
  write(ctx: ProvisionContext, body: Record<string, unknown>): Promise<object>;
  /** Publishes outputs from the current resource (undefined: it will be created). */
  publish(ctx: ProvisionContext, current: ArmLike | undefined): void;
  /**
   * Why this resource is not needed in this run (e.g. an adopted Function App brings its own plan), or undefined.
   * When it says why, the step neither reads nor creates the resource and shows the reason on a no-op line.
   */
  notNeeded?(ctx: ProvisionContext): Promise<string | undefined>;
  /** Checks run in the plan before a create (name availability, region, required inputs); throw a CkError to stop. */
  beforeCreate?(ctx: ProvisionContext): Promise<void>;
  /** Short facts shown on a create line. */
  summary?(body: Record<string, unknown>): string;
  /** Fields compared besides the manifest's (default: the whole desired body minus location). */
  compare?(desired: Record<string, unknown>): Record<string, unknown>;
}

export const change = (resource: string, action: PlannedChange['action'], diff?: PropertyDiff[], note?: string): PlannedChange => ({
  stage: 'provision',
  resource,
  action,
  ...(diff?.length ? { diff } : {}),
  ...(note ? { note } : {}),
});

/** The tags of a resource provision creates. */
export const ownTags = (ctx: ProvisionContext): Record<string, string> => ({ [ENV_TAG]: ctx.env.name });

/** True when a resource carries this environment's tag. */
export const isOwned = (ctx: ProvisionContext, r: ArmLike | undefined): boolean => r?.tags?.[ENV_TAG] === ctx.env.name;

/** Reads with our retry; a 404 (the resource or its group is missing) is `undefined`. */
export async function readOrUndefined<T>(ctx: ProvisionContext, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await withRetry(fn, ctx.retry, ctx.stats);
  } catch (e) {
    if (azureErrorInfo(e).status === 404) return undefined;
    throw e;
  }
}

/** `v` unless it is undefined (then UNKNOWN): outputs of a resource that does not exist yet. */
export const known = (v: string | undefined | null): string => (v === undefined || v === null || v === '' ? UNKNOWN : v);

/** The outputs known so far as placeholder values (UNKNOWN for those a create will produce). */
export function outputValues(ctx: ProvisionContext): Record<string, string> {
  const o = ctx.out;
  return {
    ...ctx.values,
    workspaceId: known(o.workspaceId),
    identityId: known(o.identityId),
    identityClientId: known(o.identityClientId),
    identityPrincipalId: known(o.identityPrincipalId),
    blobEndpoint: known(o.blobEndpoint),
    planId: known(o.planId),
    appInsightsConnectionString: known(o.appInsightsConnectionString),
  };
}

/** The step of one tracked resource. */
export function trackedStep(ctx0: ProvisionContext, spec: TrackedSpec): ProvisionStep {
  return {
    id: spec.id,
    title: `${spec.label} ${ctx0.env.names[spec.kind]}`,
    deps: spec.deps,
    site: { resource: `${spec.label} ${ctx0.env.names[spec.kind]}`, envKey: NAME_RULES[spec.kind].envKey, scope: spec.scope(ctx0) },
    async plan(ctx): Promise<StepPlan> {
      const name = ctx.env.names[spec.kind];
      const res = `${spec.label} ${name}`;
      // "Being created" is what the latest plan says: a re-plan after a failed write may find the resource made.
      ctx.out.creating.delete(spec.kind);
      const notNeeded = await spec.notNeeded?.(ctx);
      if (notNeeded) return { changes: [change(res, 'no-op', undefined, `not needed: ${notNeeded}`)] };
      const current = (await spec.read(ctx)) as ArmLike | undefined;
      if (current && !isOwned(ctx, current)) {
        spec.publish(ctx, current);
        return { changes: [change(res, 'no-op', undefined, `adopted (exists without tag ${ENV_TAG}=${ctx.env.name}): used as is, never changed or deleted`)] };
      }
      const body: Record<string, unknown> = { ...spec.desired(ctx), tags: { ...(current?.tags ?? {}), ...ownTags(ctx) } };
      if (!current) {
        await spec.beforeCreate?.(ctx);
        ctx.out.creating.add(spec.kind);
        spec.publish(ctx, undefined);
        return {
          changes: [change(res, 'create', undefined, spec.summary?.(body))],
          apply: async () => {
            const created = (await spec.write(ctx, fillUnknowns(ctx, spec, body))) as ArmLike;
            spec.publish(ctx, created);
            ctx.out.creating.delete(spec.kind);
          },
        };
      }
      spec.publish(ctx, current);
      const { location, ...compared } = spec.compare ? spec.compare(body) : body;
      if (typeof location === 'string' && current.location && normaliseLocation(current.location) !== normaliseLocation(location)) {
        // A resource cannot move; the env file's location only applies to what provision creates.
        ctx.io.log({ level: 'warn', message: `${res} is in ${current.location}, not ${location}: kept where it is.` });
      }
      // A create an interrupted run left unfinished (or a failed one): the same PUT again brings it to Succeeded.
      const state = (current.provisioningState ?? current.properties?.provisioningState) as string | undefined;
      const unfinished = state !== undefined && !/^succeeded$/i.test(state) ? [{ path: 'provisioningState', from: state, to: 'Succeeded' }] : [];
      const diff = [...unfinished, ...diffProps(compared, current)];
      if (!diff.length) return { changes: [change(res, 'no-op')] };
      return {
        changes: [change(res, 'update', diff)],
        apply: async () => {
          const written = (await spec.write(ctx, fillUnknowns(ctx, spec, { ...body, location: current.location ?? body.location }))) as ArmLike;
          spec.publish(ctx, written);
        },
      };
    },
  };
}

/** At apply time every input exists: re-fill the body so no UNKNOWN is ever sent. */
function fillUnknowns(ctx: ProvisionContext, spec: TrackedSpec, body: Record<string, unknown>): Record<string, unknown> {
  const again = { ...spec.desired(ctx), tags: body.tags, ...(body.location ? { location: body.location } : {}) };
  if (JSON.stringify(again).includes(UNKNOWN)) throw new Error(`${spec.label}: an input is still unknown at apply time`);
  return again;
}
