/**
 * API Management through @azure/arm-apimanagement (api-version 2024-05-01): the secret named value holding the
 * function key, the backend pointing at the Function App, the API imported from dist/swagger.json, its policy and
 * (optionally) product membership. What each resource should look like is data in infra/apim/ (definitions.ts);
 * the steps add only computed values (the spec, its fingerprint, the function key). Each step compares only what it
 * declares, so an unchanged re-run writes nothing.
 */
import { createHash } from 'node:crypto';
import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import type { DeployContext } from '../context';
import { UNKNOWN } from '../engine';
import { diffProps, normaliseXml } from '../compare';
import { withRetry } from '../retry';
import type { PlannedChange } from '../types';
import { registerSecret } from '../../core/redact';
import { CkError } from '../../core/errors';
import { renderApiPolicy, specOperations, loadApimDefinitions, properties } from '../../apim';
import { v1Issuer } from '../../entra';
import { changeMaker, svcScope, type DeployStep } from './kit';

const change = changeMaker('apim');

/** Reads with retries; a 404 becomes undefined. */
async function read<T>(ctx: DeployContext, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await withRetry(fn, ctx.retry, ctx.stats);
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return undefined;
    throw e;
  }
}

/** Options for SDK long-running operations: poll interval from the retry options, a hard timeout. */
function lro(ctx: DeployContext) {
  return { updateIntervalInMs: ctx.retry.pollIntervalMs, abortSignal: AbortSignal.timeout(ctx.retry.lroTimeoutMs) };
}

/** Short fingerprint of the spec, recorded on the API so an unchanged spec is recognised without re-importing. */
export function specMarker(specText: string): string {
  return `connectorkit:sha256=${createHash('sha256').update(specText).digest('hex').slice(0, 32)}`;
}

/**
 * Reads an API policy as raw XML. Not through `apiPolicy.get`: its operation spec is marked `isXML`, so the SDK
 * deserialises the JSON answer with XML names and loses `properties.value` (the ARM double caught this: every
 * re-run saw an empty policy and rewrote it). Same pipeline, same auth, plain JSON.
 */
async function getPolicyRaw(ctx: DeployContext, apiId: string): Promise<{ value?: string }> {
  const url = `${ctx.env.cloud.resourceManager}${ctx.serviceId}/apis/${encodeURIComponent(apiId)}/policies/policy?format=rawxml&api-version=2024-05-01`;
  const res = await ctx.apim.sendRequest(createPipelineRequest({ url, method: 'GET', headers: createHttpHeaders({ accept: 'application/json' }) }));
  if (res.status >= 400) {
    let body: { error?: { code?: string; message?: string } } = {};
    try {
      body = JSON.parse(res.bodyAsText ?? '{}');
    } catch {
      /* keep empty */
    }
    throw new RestError(body.error?.message ?? `HTTP ${res.status}`, { code: body.error?.code, statusCode: res.status, response: res as never });
  }
  const body = JSON.parse(res.bodyAsText ?? '{}') as { properties?: { value?: string } };
  return { value: body.properties?.value };
}

/** Provider: the APIM service (read), named value, backend, API, its policy and product membership (`apim.`). */
export function apimSteps(ctx0: DeployContext): DeployStep[] {
  const { resourceGroup: rg, apimService: svc } = ctx0.env;
  const at = (resource: string, envKey?: string) => ({ resource, ...(envKey ? { envKey } : {}), scope: svcScope(ctx0.opts) });
  const defs = loadApimDefinitions(ctx0.opts.root, ctx0.env);
  const n = { namedValue: defs.namedValue.name, backend: defs.backend.name };
  const api = { id: defs.api.name };

  const service: DeployStep = {
    id: 'apim.service',
    title: `APIM service ${svc}`,
    deps: [],
    site: at(`APIM service ${svc}`, 'apimService'),
    async plan(ctx) {
      const s = await withRetry(() => ctx.apim.apiManagementService.get(rg, svc), ctx.retry, ctx.stats);
      ctx.out.gatewayUrl = s.gatewayUrl;
      return { changes: [] };
    },
  };

  const namedValue: DeployStep = {
    id: 'apim.namedValue',
    title: `APIM named value ${n.namedValue}`,
    deps: ['code.hostKey'],
    site: at(`APIM named value ${n.namedValue}`),
    async plan(ctx) {
      const res = `APIM named value ${n.namedValue}`;
      const key = ctx.out.functionKey!;
      const cur = await read(ctx, () => ctx.apim.namedValue.get(rg, svc, n.namedValue));
      ctx.out.namedValueId = n.namedValue;
      const desired = properties(ctx, defs, 'namedValue');
      const write = async () => {
        const p = await ctx.apim.namedValue.beginCreateOrUpdate(rg, svc, n.namedValue, { ...desired, value: key.reveal() }, lro(ctx));
        await p.pollUntilDone(lro(ctx));
      };
      if (!cur)
        return {
          changes: [
            change(res, 'create', [
              { path: 'secret', to: true },
              { path: 'value', to: '(function key, secret)' },
            ]),
          ],
          apply: write,
        };
      const diff = diffProps(desired, cur);
      // The only way to notice a rotated function key (or a value edited in the portal) is to read the stored value:
      // APIM returns no hash or version of a secret named value. The value (maybe an old key) is registered as a
      // secret at once, so no host, error or plan can print it; only "(secret)" appears in the diff.
      const value = cur.secret ? (await read(ctx, () => ctx.apim.namedValue.listValue(rg, svc, n.namedValue)))?.value : cur.value;
      registerSecret(value);
      if (value !== key.reveal()) diff.push({ path: 'value', from: '(secret)', to: '(function key, secret)' });
      return diff.length ? { changes: [change(res, 'update', diff)], apply: write } : { changes: [change(res, 'no-op')] };
    },
  };

  const backend: DeployStep = {
    id: 'apim.backend',
    title: `APIM backend ${n.backend}`,
    deps: ['code.site', 'apim.namedValue'],
    site: at(`APIM backend ${n.backend}`),
    async plan(ctx) {
      const res = `APIM backend ${n.backend}`;
      const desired = properties(ctx, defs, 'backend');
      ctx.out.backendId = n.backend;
      const cur = await read(ctx, () => ctx.apim.backend.get(rg, svc, n.backend));
      const write = async () => void (await withRetry(() => ctx.apim.backend.createOrUpdate(rg, svc, n.backend, desired), ctx.retry, ctx.stats));
      if (!cur) return { changes: [change(res, 'create', [{ path: 'url', to: desired.url }])], apply: write };
      const diff = diffProps(desired, cur);
      return diff.length ? { changes: [change(res, 'update', diff)], apply: write } : { changes: [change(res, 'no-op')] };
    },
  };

  const apiStep: DeployStep = {
    id: 'apim.api',
    title: `APIM API ${api.id}`,
    deps: [],
    site: at(`APIM API ${api.id}`),
    async plan(ctx) {
      const res = `APIM API ${api.id}`;
      const marker = specMarker(ctx.specText);
      // `format` is how the import reads `value`, not a property APIM returns: sent, never compared.
      const { format, ...declared } = properties(ctx, defs, 'api') as { format: string; path: string };
      const desired = { ...declared, apiRevisionDescription: marker };
      ctx.out.apiPath = declared.path;
      const cur = await read(ctx, () => ctx.apim.api.get(rg, svc, api.id));
      const wanted = specOperations(ctx.spec);
      const have: string[] = [];
      if (cur) for await (const o of ctx.apim.apiOperation.listByApi(rg, svc, api.id)) have.push(o.name!);
      const removed = have.filter((h) => !wanted.includes(h)).sort();
      const added = wanted.filter((w) => !have.includes(w)).sort();
      ctx.out.removedOperations = removed;
      const write = async () => {
        const p = await ctx.apim.api.beginCreateOrUpdate(rg, svc, api.id, { ...desired, format, value: ctx.specText } as never, lro(ctx));
        await p.pollUntilDone(lro(ctx));
      };
      const opChanges = [
        ...removed.map((o) => change(`APIM operation ${api.id}/${o}`, 'delete', undefined, 'removed from dist/swagger.json; the re-import deletes it (breaking for connector users)')),
        ...(cur ? added.map((o) => change(`APIM operation ${api.id}/${o}`, 'create', undefined, 'new in dist/swagger.json')) : []),
      ];
      if (!cur)
        return {
          changes: [
            change(
              res,
              'create',
              [
                { path: 'path', to: declared.path },
                { path: 'operations', to: wanted.length },
              ],
              'imported from dist/swagger.json (swagger-json)',
            ),
          ],
          apply: write,
        };
      const diff = diffProps(desired, cur);
      if (!diff.length && !removed.length && !added.length) return { changes: [change(res, 'no-op')] };
      return { changes: [change(res, 'update', diff, 're-import of dist/swagger.json'), ...opChanges], apply: write };
    },
  };

  const policy: DeployStep = {
    id: 'apim.policy',
    title: `APIM API policy ${api.id}`,
    deps: ['apim.api', 'apim.backend', 'entra.apiApp'],
    site: at(`APIM API policy ${api.id}`),
    async plan(ctx) {
      const res = `APIM policy of API ${api.id}`;
      const value = renderApiPolicy(ctx.opts.root, {
        authorityHost: ctx.env.cloud.authorityHost,
        tenantId: ctx.env.tenantId,
        apiAppId: ctx.out.apiAppId ?? UNKNOWN,
        v1Issuer: await v1Issuer(ctx),
        scope: ctx.out.scope ?? ctx.opts.scope,
        backendId: ctx.out.backendId!,
      });
      const cur = ctx.out.apiAppId === UNKNOWN ? undefined : await read(ctx, () => getPolicyRaw(ctx, api.id));
      const write = async () => void (await withRetry(() => ctx.apim.apiPolicy.createOrUpdate(rg, svc, api.id, 'policy', { format: 'rawxml', value }), ctx.retry, ctx.stats));
      if (!cur) return { changes: [change(res, 'create', [{ path: 'value', to: 'validate-jwt + set-backend-service (infra/apim/policies/api-policy.xml)' }])], apply: write };
      if (normaliseXml(String(cur.value ?? '')) === normaliseXml(value)) return { changes: [change(res, 'no-op')] };
      return { changes: [change(res, 'update', [{ path: 'value', from: '(current policy XML)', to: 'rendered infra/apim/policies/api-policy.xml' }])], apply: write };
    },
  };

  const steps = [service, namedValue, backend, apiStep, policy];
  if (defs.products.length) {
    const products = defs.products;
    steps.push({
      id: 'apim.product',
      title: `APIM product ${products.join(', ')}`,
      deps: ['apim.api'],
      site: at(`APIM product ${ctx0.env.product}`, 'product'),
      async plan(ctx) {
        const missing: string[] = [];
        const changes: PlannedChange[] = [];
        for (const product of products) {
          const res = `APIM product ${product} ∋ API ${api.id}`;
          // The product is a prerequisite (deploy joins it, never creates it): its absence stops the plan.
          if (!(await read(ctx, () => ctx.apim.product.get(rg, svc, product)))) {
            throw new CkError({
              code: 'CK_DEPLOY_RESOURCE_NOT_FOUND',
              message: `APIM product ${product} does not exist in ${svc}; nothing was written.`,
              hint: `Create the product in API Management, or fix key product in ${ctx.env.file} (or the list in infra/apim/product.json).`,
              target: `${ctx.env.file}#product`,
              data: { resource: `APIM product ${product}` },
            });
          }
          const member = await read(ctx, async () => {
            await ctx.apim.productApi.checkEntityExists(rg, svc, product, api.id);
            return true;
          });
          changes.push(change(res, member ? 'no-op' : 'create'));
          if (!member) missing.push(product);
        }
        if (!missing.length) return { changes };
        return { changes, apply: async () => void (await Promise.all(missing.map((product) => withRetry(() => ctx.apim.productApi.createOrUpdate(rg, svc, product, api.id), ctx.retry, ctx.stats)))) };
      },
    });
  }
  return steps;
}
