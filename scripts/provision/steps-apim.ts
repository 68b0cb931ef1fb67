/**
 * The API Management service (Consumption by default, SKU from the env file's apim block) with a system-assigned
 * identity. Creating one takes minutes (Consumption) to an hour (other tiers): the step records the pending
 * operation atomically in .connectorkit/provision/<env>.json as soon as Azure accepts the create, reports progress
 * while it polls, and a later run that finds the service still activating polls it again instead of re-creating
 * it (the record says since when). The record is removed when the service is ready.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { CkError } from '../core/errors';
import { toJsonText, writeIfChanged } from '../core/fs';
import { azureErrorInfo, DEFAULT_RETRY, diffProps, ENV_TAG, sleep, UNKNOWN, withRetry, type StepPlan } from '../deploy';
import { fillResource } from './manifests';
import { nameTaken } from './steps-core';
import { change, isOwned, outputValues, ownTags, readOrUndefined } from './tracked';
import type { ProvisionContext, ProvisionStep } from './types';
import './codes';

/** What a run leaves behind while a long operation is pending. */
export interface PendingOperations {
  apim?: { id: string; startedAt: string; operation: 'create' | 'update'; poller?: string };
}

/** .connectorkit/provision/<env>.json under the project root. */
export const pendingFile = (root: string, env: string) => path.join(root, '.connectorkit', 'provision', `${env}.json`);

export async function readPending(root: string, env: string): Promise<PendingOperations> {
  try {
    return JSON.parse(await fsp.readFile(pendingFile(root, env), 'utf8')) as PendingOperations;
  } catch {
    return {};
  }
}

async function writePending(root: string, env: string, p: PendingOperations): Promise<void> {
  const file = pendingFile(root, env);
  if (!p.apim) return void (await fsp.rm(file, { force: true }));
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await writeIfChanged(file, toJsonText(p));
}

interface Service {
  id?: string;
  location?: string;
  tags?: Record<string, string>;
  provisioningState?: string;
  [k: string]: any;
}

/** How long a create may take before the run gives up (it can be resumed): an hour and a half unless configured. */
const apimTimeout = (ctx: ProvisionContext) => (ctx.retry.lroTimeoutMs === DEFAULT_RETRY.lroTimeoutMs ? 90 * 60_000 : ctx.retry.lroTimeoutMs);

export function apimStep(ctx0: ProvisionContext): ProvisionStep {
  const { resourceGroup: rg, apimService: name } = ctx0.env.names;
  const file = 'infra/resources/apim.json';
  return {
    id: 'prov.apim',
    title: `API Management service ${name}`,
    deps: ['prov.rg'],
    site: { resource: `API Management service ${name}`, envKey: 'apimService', scope: `/subscriptions/${ctx0.env.subscriptionId}/resourceGroups/${rg}` },
    async plan(ctx): Promise<StepPlan> {
      const res = `API Management service ${name}`;
      // "Being created" is what the latest plan says: a re-plan after a failed write may find the service ready.
      ctx.out.creating.delete('apimService');
      const current = (await readOrUndefined(ctx, () => ctx.apim.apiManagementService.get(rg, name))) as Service | undefined;
      const publish = (s: Service | undefined) => void (ctx.out.apimId = s?.id ?? UNKNOWN);
      publish(current);
      if (current && !isOwned(ctx, current)) return { changes: [change(res, 'no-op', undefined, `adopted (exists without tag ${ENV_TAG}=${ctx.env.name}): used as is, never changed or deleted`)] };
      const capacity = ctx.env.apim.sku === 'Consumption' ? 0 : (ctx.env.apim.capacity ?? 1);
      const body = () => {
        const b = fillResource(ctx.manifests.apim, outputValues(ctx), file) as Record<string, any>;
        return { ...b, sku: { ...b.sku, capacity }, tags: { ...(current?.tags ?? {}), ...ownTags(ctx) } } as Record<string, any>;
      };
      if (current && current.provisioningState !== 'Succeeded') {
        const pending = (await readPending(ctx.opts.root, ctx.env.name)).apim;
        ctx.out.creating.add('apimService');
        return {
          changes: [
            change(res, 'create', undefined, `${current.provisioningState ?? 'in progress'}${pending ? ` since ${pending.startedAt}` : ''}: resuming (polls the pending operation, no new create)`),
          ],
          apply: async () => {
            await waitUntilReady(ctx, pending?.startedAt ?? new Date().toISOString());
            ctx.out.creating.delete('apimService');
          },
        };
      }
      if (!current) {
        if (!ctx.env.apim.publisherEmail)
          throw new CkError({
            code: 'CK_PROVISION_APIM_PUBLISHER_MISSING',
            message: `Creating API Management service ${name} needs apim.publisherEmail in ${ctx.env.file}; nothing was written.`,
            target: `${ctx.env.file}#apim.publisherEmail`,
          });
        const avail = await withRetry(() => ctx.apim.apiManagementService.checkNameAvailability({ name }), ctx.retry, ctx.stats);
        if (avail.nameAvailable === false) throw nameTaken(ctx, 'API Management service', name, 'apimService', avail.message);
        ctx.out.creating.add('apimService');
        return {
          changes: [change(res, 'create', undefined, `${ctx.env.apim.sku}, system-assigned identity; creation takes minutes (Consumption) to an hour`)],
          apply: async () => {
            await createAndWait(ctx, body(), 'create');
            ctx.out.creating.delete('apimService');
          },
        };
      }
      const desired = body();
      const diff = diffProps(
        { sku: { name: desired.sku.name }, identity: desired.identity, publisherEmail: desired.publisherEmail, publisherName: desired.publisherName, tags: desired.tags },
        current,
      );
      if (!diff.length) return { changes: [change(res, 'no-op')] };
      return { changes: [change(res, 'update', diff)], apply: () => createAndWait(ctx, { ...desired, location: current.location ?? desired.location }, 'update') };
    },
  };
}

/** Sends the PUT, records the pending operation at once, then polls until the service is ready. */
async function createAndWait(ctx: ProvisionContext, body: Record<string, unknown>, operation: 'create' | 'update'): Promise<void> {
  const { resourceGroup: rg, apimService: name } = ctx.env.names;
  if (JSON.stringify(body).includes(UNKNOWN)) throw new Error(`API Management service ${name}: an input is still unknown at apply time`);
  const startedAt = new Date().toISOString();
  const poller = await withRetry(() => ctx.apim.apiManagementService.beginCreateOrUpdate(rg, name, body as never, { updateIntervalInMs: ctx.retry.pollIntervalMs ?? 30_000 }), ctx.retry, ctx.stats);
  const id = `/subscriptions/${ctx.env.subscriptionId}/resourceGroups/${rg}/providers/Microsoft.ApiManagement/service/${name}`;
  await writePending(ctx.opts.root, ctx.env.name, { apim: { id, startedAt, operation, poller: poller.toString() } });
  ctx.io.log({ level: 'info', message: `API Management service ${name}: ${operation} accepted; this takes minutes to an hour (an interrupted run resumes where it stopped).` });
  await waitUntilReady(ctx, startedAt);
}

/** Polls the service (GET) until it is Succeeded, reporting progress; Failed is a coded error. Clears the record. */
async function waitUntilReady(ctx: ProvisionContext, startedAt: string): Promise<void> {
  const { resourceGroup: rg, apimService: name } = ctx.env.names;
  const t0 = Date.parse(startedAt) || Date.now();
  const deadline = Date.now() + apimTimeout(ctx);
  const interval = ctx.retry.pollIntervalMs ?? 30_000;
  for (let polls = 1; ; polls++) {
    let s: Service | undefined;
    try {
      s = (await withRetry(() => ctx.apim.apiManagementService.get(rg, name), ctx.retry, ctx.stats)) as unknown as Service;
    } catch (e) {
      if (azureErrorInfo(e).status !== 404) throw e;
    }
    const state = s?.provisioningState ?? 'NotFound';
    ctx.io.progress(`API Management service ${name}: ${state}, ${Math.round((Date.now() - t0) / 1000)} s`, polls, polls + 1);
    if (state === 'Succeeded') {
      ctx.out.apimId = s!.id ?? ctx.out.apimId;
      await writePending(ctx.opts.root, ctx.env.name, {});
      return;
    }
    if (state === 'Failed' || state === 'NotFound') {
      await writePending(ctx.opts.root, ctx.env.name, {});
      throw new CkError({
        code: 'CK_PROVISION_APIM_FAILED',
        message: `API Management service ${name}: the ${state === 'Failed' ? 'creation failed' : 'service disappeared while it was being created'}.`,
        target: `${ctx.env.file}#apimService`,
      });
    }
    if (Date.now() > deadline) {
      throw new CkError({
        code: 'CK_DEPLOY_TIMEOUT',
        message: `API Management service ${name} is still ${state} after ${Math.round((Date.now() - t0) / 60_000)} min.`,
        hint: 'Re-run the same command later: it resumes polling the pending creation (nothing is created twice).',
      });
    }
    await (ctx.retry.sleep ?? sleep)(interval);
  }
}
