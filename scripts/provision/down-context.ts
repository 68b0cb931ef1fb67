/**
 * The clients of one `down` run and its first step, the inventory: the environment's resource group, everything in
 * it (Resources_ListByResourceGroup, with tags), the managed identity's principal and the signed-in identity — read
 * once, before anything is planned, so every later step decides from the same picture. Clients point at the env's
 * cloud (sovereign clouds and the loopback doubles alike) with the SDKs' own retries off (the deploy's `withRetry`
 * wraps each call) and the deploy's LRO pacing policy.
 */
import { CkError } from '../core/errors';
import type { IoHost } from '../core/io';
import { azureErrorInfo, DEFAULT_RETRY, ENV_TAG, withRetry, type RetryStats, type Step, type StepPlan } from '../deploy';
import { GraphClient } from '../entra';
import type { DownContext, DownEnvironment, DownOptions, FoundResource } from './down-types';
import { armClients } from './context';
import './codes';

/** The environment with every name resolved, or a coded error saying what to add. */
export function downEnvironment(opts: DownOptions): DownEnvironment {
  const env = opts.env;
  if (!env.names)
    throw new CkError({
      code: 'CK_DOWN_NAMES_UNKNOWN',
      message: `${env.file} has no "location" and does not name every resource, so down cannot tell which resources belong to environment ${env.name}; nothing was read or deleted.`,
      target: `${env.file}#location`,
    });
  return env as DownEnvironment;
}

/** Builds the clients of one run (a fresh context per run: the preflight and the apply never share what they read). */
export function createDownContext(opts: DownOptions, io: IoHost, stats: RetryStats): DownContext {
  const env = downEnvironment(opts);
  const retry = { ...DEFAULT_RETRY, ...opts.retry };
  return {
    env,
    opts,
    io,
    retry,
    stats,
    ...armClients(env, opts.credential, retry),
    graph: new GraphClient({ endpoint: env.cloud.graph, audience: env.cloud.graphAudience, credential: opts.credential, retry, stats }),
    inv: { resources: [], deleteGroup: false },
    kept: [],
  };
}

/** Reads with our retry; a 404 (the resource or its group is missing) is `undefined`. */
export async function readOrUndefined<T>(ctx: DownContext, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await withRetry(fn, ctx.retry, ctx.stats);
  } catch (e) {
    if (azureErrorInfo(e).status === 404) return undefined;
    throw e;
  }
}

/** True when `tags` carry this environment's ownership tag. */
export const owned = (ctx: DownContext, tags: Record<string, string> | undefined): boolean => tags?.[ENV_TAG] === ctx.env.name;

/** Why a resource that exists is not ours (for the kept list). */
export function notOursReason(ctx: DownContext, tags: Record<string, string> | undefined): string {
  const other = tags?.[ENV_TAG];
  return other !== undefined
    ? `tagged ${ENV_TAG}=${other}, another environment's`
    : `exists without the tag ${ENV_TAG}=${ctx.env.name} (adopted or made by hand): connectorkit did not create it, so down never deletes it`;
}

/** The object id of the signed-in identity, from its ARM access token (role assignments for the deployer name it). */
async function signedInObjectId(ctx: DownContext): Promise<string | undefined> {
  const t = await ctx.opts.credential.getToken(`${ctx.env.cloud.resourceManagerAudience}/.default`);
  const claims = JSON.parse(Buffer.from((t?.token ?? '').split('.')[1] ?? '', 'base64url').toString('utf8') || '{}') as { oid?: string };
  return claims.oid;
}

/** The inventory step: publishes `ctx.inv` (no changes of its own). */
export function inventoryStep(): Step<DownContext> {
  return {
    id: 'down.inventory',
    title: 'Read the environment (resource group, its resources, identities)',
    deps: [],
    async plan(ctx): Promise<StepPlan> {
      const rg = ctx.env.names.resourceGroup;
      const group = await readOrUndefined(ctx, () => ctx.resources.resourceGroups.get(rg));
      const resources: FoundResource[] = [];
      if (group) {
        await withRetry(
          async () => {
            resources.length = 0;
            for await (const r of ctx.resources.resources.listByResourceGroup(rg)) resources.push({ id: String(r.id), name: String(r.name), type: String(r.type), tags: r.tags ?? {} });
          },
          ctx.retry,
          ctx.stats,
        );
      }
      const hasIdentity = resources.some((r) => r.type.toLowerCase() === 'microsoft.managedidentity/userassignedidentities' && r.name.toLowerCase() === ctx.env.names.identity.toLowerCase());
      const identity = hasIdentity ? await readOrUndefined(ctx, () => ctx.msi.userAssignedIdentities.get(rg, ctx.env.names.identity)) : undefined;
      ctx.inv = {
        ...(group ? { group: { id: String(group.id), tags: group.tags ?? {} } } : {}),
        resources,
        ...(identity?.principalId ? { identityPrincipalId: identity.principalId } : {}),
        ...(group ? { deployerId: await signedInObjectId(ctx) } : {}),
        deleteGroup: !!group && owned(ctx, group.tags) && resources.every((r) => owned(ctx, r.tags)),
      };
      ctx.kept.length = 0;
      if (group && !owned(ctx, group.tags)) ctx.kept.push({ resource: `Resource group ${rg}`, reason: notOursReason(ctx, group.tags) });
      else if (group && !ctx.inv.deleteGroup) {
        const others = resources.filter((r) => !owned(ctx, r.tags)).map((r) => r.name);
        ctx.kept.push({
          resource: `Resource group ${rg}`,
          reason: `holds ${others.length} resource(s) connectorkit did not create (${others.join(', ')}): only the environment's own resources are deleted`,
        });
      }
      return { changes: [] };
    },
  };
}
