/**
 * The ARM double: a loopback HTTPS stand-in for the ARM operations the deploy and provisioning use (APIM, Web,
 * resource groups, storage, Log Analytics, Application Insights, managed identities, role assignments). Every request
 * and response is checked against the anchor specs with oav; mismatches become `violations` and a loud 500.
 * Behaviour spec: arm-double.md.
 */
import type { DoubleRequest, DoubleResponse, FaultKind, LiveRequest, LoggedDouble, SpecSetName } from '../doubles-common';
import { checkBearer, checkRequest, decideFault, dropIfAfterWrite, FaultInjector, requiredHeaders, SPEC_API_VERSIONS, specValidator, startLoggedDouble } from '../doubles-common';
import { APIM_API_HANDLERS } from './apim-apis';
import { APIM_ENTITY_HANDLERS } from './apim-entities';
import { APIM_SERVICE_HANDLERS, APIM_SUB_HANDLERS } from './apim-service-handlers';
import { actionMatches, armError, armHeaders, isWrite } from './arm-http';
import type { ArmFamily, ArmRoute } from './arm-route';
import { armAction, parseArmPath, resourceIdOf } from './arm-route';
import { ROLE_ASSIGNMENT_HANDLERS, ROLE_DEFINITION_HANDLERS } from './authz-handlers';
import type { ArmHandler, HandlerCtx } from './handler-context';
import { COMPONENT_HANDLERS, IDENTITY_HANDLERS, WORKSPACE_HANDLERS } from './identity-monitor-handlers';
import { LroTracker } from './lro';
import { OPERATION_HANDLERS, RG_HANDLERS } from './rg-handlers';
import { answerProblems, faultResponse, isPollRoute, scopeProblem, startsProvisioningLro } from './request-checks';
import { seedStore } from './seed';
import { ArmStore } from './state';
import { STORAGE_HANDLERS, STORAGE_SUB_HANDLERS } from './storage-handlers';
import type { ArmDoubleOptions, ArmEntity, ArmLogEntry, ArmSeed, ArmViolation } from './types';
import { WEB_HANDLERS } from './web-handlers';
import { PLAN_HANDLERS, SITE_WRITE_HANDLERS, WEB_SUB_HANDLERS } from './web-provision-handlers';

export { BUILTIN_ROLES } from './authz-handlers';
export type { ArmDoubleOptions, ArmEntity, ArmLogEntry, ArmSeed, ArmViolation } from './types';

/** A running ARM double; `requests` logs method, path, api-version, status, operationId, write and fault. */
export interface ArmDouble extends LoggedDouble<ArmLogEntry, ArmViolation> {
  state: {
    /** Deep copies of stored entities, optionally by type (e.g. `Microsoft.ApiManagement/service/apis`). */
    resources(type?: string): ArmEntity[];
    get(id: string): ArmEntity | undefined;
    /** Double-private data of an entity (secrets, host keys, app settings). */
    hidden(id: string): Record<string, unknown> | undefined;
  };
  ids: ArmIds;
  seed(s: ArmSeed): void;
  /** Registers a principal the directory knows (e.g. a service principal the Graph double created). */
  addPrincipal(objectId: string): void;
  setDenyActions(actions: string[]): void;
  /** Changes the added latency per request (ms). */
  setLatency(ms: number): void;
  /** Clears resources, logs, violations, faults and pending LROs. */
  reset(): void;
}

/** ARM ids of the resources the double serves (for seeds and assertions). */
export interface ArmIds {
  resourceGroup(rg: string): string;
  service(rg: string, name: string): string;
  site(rg: string, name: string): string;
  serverFarm(rg: string, name: string): string;
  storageAccount(rg: string, name: string): string;
  workspace(rg: string, name: string): string;
  component(rg: string, name: string): string;
  identity(rg: string, name: string): string;
  /** Subscription-scoped id of a built-in role definition GUID. */
  roleDefinition(guid: string): string;
  roleAssignment(scope: string, name: string): string;
}

/** Tenant of identities and role assignments unless `tenantId` is given. */
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ALWAYS: FaultKind[] = ['throttle', 'serverError', 'unavailable', 'drop', 'authorizationFailed'];
const LRO_STARTS = new Set(['PUT apis/*', 'PUT namedvalues/*', 'DELETE apis/*']);

const HANDLERS: Record<ArmFamily, Record<string, ArmHandler>> = {
  'Microsoft.ApiManagement/service': { ...APIM_API_HANDLERS, ...APIM_ENTITY_HANDLERS, ...APIM_SERVICE_HANDLERS },
  'Microsoft.Web/sites': { ...WEB_HANDLERS, ...SITE_WRITE_HANDLERS },
  'Microsoft.Web/serverfarms': PLAN_HANDLERS,
  'Microsoft.Resources/resourceGroups': RG_HANDLERS,
  'Microsoft.Storage/storageAccounts': STORAGE_HANDLERS,
  'Microsoft.OperationalInsights/workspaces': WORKSPACE_HANDLERS,
  'Microsoft.Insights/components': COMPONENT_HANDLERS,
  'Microsoft.ManagedIdentity/userAssignedIdentities': IDENTITY_HANDLERS,
  'Microsoft.Authorization/roleAssignments': ROLE_ASSIGNMENT_HANDLERS,
  'Microsoft.Authorization/roleDefinitions': ROLE_DEFINITION_HANDLERS,
  subscription: { ...STORAGE_SUB_HANDLERS, ...APIM_SUB_HANDLERS, ...WEB_SUB_HANDLERS },
  operations: OPERATION_HANDLERS,
};

/** The family's handler for a request key (`METHOD shape`). */
function handlerFor(route: ArmRoute, key: string): ArmHandler | undefined {
  return HANDLERS[route.family][key];
}

/** Starts the ARM double (loads the oav validators once per process first). */
export async function startArmDouble(options: ArmDoubleOptions): Promise<ArmDouble> {
  await Promise.all([specValidator('apim'), specValidator('web')]);
  const store = new ArmStore(options.subscriptionId);
  const knownPrincipals = () => (options.knownPrincipals ?? []).forEach((p) => store.addPrincipal(p));
  knownPrincipals();
  const lro = new LroTracker({ polls: options.lroPolls ?? 1, delayMs: options.lroDelayMs ?? 0, retryAfterSeconds: options.lroRetryAfterSeconds ?? 0 });
  const faults = new FaultInjector(options.faults);
  const requests: ArmLogEntry[] = [];
  const violations: ArmViolation[] = [];
  let deny = [...(options.denyActions ?? [])];
  let latencyMs = options.latencyMs ?? 0;
  let base = '';

  const loud = (v: ArmViolation, status: number, code: string): DoubleResponse => {
    violations.push(v);
    return armError(status, code, `${v.method} ${v.url}${v.operationId ? ` (${v.operationId})` : ''}: ${v.problems.join('; ')}`);
  };

  const handle = async (req: DoubleRequest, log: ArmLogEntry): Promise<DoubleResponse> => {
    const route = parseArmPath(req.url.pathname);
    const url = req.url.toString();
    if (!route) return loud({ side: 'unmatched', method: req.method, url, problems: ['no ARM double route for this path'] }, 404, 'DoubleUnmatchedRequest');
    const isPoll = isPollRoute(route);
    const set = route.set as SpecSetName;
    const live: LiveRequest = { url, method: req.method, headers: req.headers, body: req.body ?? (req.raw.length ? req.raw.toString('utf8') : undefined) };
    if (req.bodyError) return loud({ side: 'request', method: req.method, url, problems: [`body is not JSON: ${req.bodyError}`] }, 500, 'DoubleContractViolation');
    if (!isPoll) {
      const c = await checkRequest(set, live);
      log.operationId = c.operationId;
      if (c.notFound) return loud({ side: 'unmatched', method: req.method, url, problems: c.problems }, 404, 'DoubleUnmatchedRequest');
      const missing = (requiredHeaders(set).get(c.operationId ?? '') ?? []).filter((h) => req.headers[h] === undefined);
      const problems = [...c.problems, ...missing.map((h) => `MISSING_REQUIRED_PARAMETER at /headers/${h}: Value is required but was not provided`)];
      if (!c.ok || missing.length) return loud({ side: 'request', method: req.method, url, operationId: c.operationId, problems }, 500, 'DoubleContractViolation');
    } else log.operationId = 'poll';
    const key = `${req.method} ${route.shape}`;
    const handler = handlerFor(route, key);
    if (!handler) return loud({ side: 'unmatched', method: req.method, url, operationId: log.operationId, problems: [`the ARM double does not implement '${key}'`] }, 404, 'DoubleUnmatchedRequest');

    const auth = await checkBearer(req.headers.authorization, options.auth);
    if (!auth.ok)
      return armError(401, auth.code, auth.message, {
        headers: { 'www-authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="${auth.message.replace(/"/g, "'")}"` },
      });
    if (route.subscriptionId && route.subscriptionId.toLowerCase() !== options.subscriptionId.toLowerCase())
      return armError(404, 'SubscriptionNotFound', `The subscription '${route.subscriptionId}' could not be found.`);
    const action = armAction(req.method, route);
    const oid = String(auth.claims.oid ?? auth.claims.appid ?? '00000000-0000-0000-0000-000000000000');
    const forbidden = () =>
      armError(
        403,
        'AuthorizationFailed',
        `The client '${oid}' with object id '${oid}' does not have authorization to perform action '${action}' over scope '${req.url.pathname}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      );
    if (!isPoll && deny.some((d) => actionMatches(d, action))) return forbidden();

    const parentId = resourceIdOf(route);
    const ctx: HandlerCtx = {
      req,
      route,
      store,
      lro,
      base,
      parentId,
      apiVersion: req.url.searchParams.get('api-version') ?? (set ? SPEC_API_VERSIONS[set] : ''),
      pageSize: options.pageSize ?? 100,
      opts: options,
      tenantId: options.tenantId ?? TENANT,
      caller: oid,
      flag: (p) => violations.push({ side: 'double', method: req.method, url, operationId: log.operationId, problems: [p] }),
    };
    const missing = scopeProblem(ctx);
    if (missing) return missing;

    const eligible = new Set<FaultKind>(ALWAYS);
    if (log.write) (['conflict', 'preconditionFailed', 'dropAfterWrite'] as FaultKind[]).forEach((k) => eligible.add(k));
    if ((route.family === 'Microsoft.ApiManagement/service' && LRO_STARTS.has(key)) || startsProvisioningLro(route, req.method, store, options, parentId)) eligible.add('lroFailed');
    if (isPoll) eligible.delete('authorizationFailed');
    const fault = decideFault(faults, req, log, eligible);
    const early = fault && faultResponse(fault, forbidden);
    if (early) return early;
    ctx.fault = fault;
    return dropIfAfterWrite(handler(ctx), fault);
  };

  const entry = (req: DoubleRequest): ArmLogEntry => {
    const log: ArmLogEntry = { method: req.method, path: req.url.pathname, apiVersion: req.url.searchParams.get('api-version') ?? undefined, status: 0, write: false, at: Date.now() };
    log.write = !isPollRoute(parseArmPath(req.url.pathname)) && isWrite(req.method, req.url.pathname);
    return log;
  };

  /** ARM's own headers, a JSON content type, and the response checked against the spec (a mismatch → loud 500). */
  const answer = async (req: DoubleRequest, log: ArmLogEntry, handled: DoubleResponse): Promise<DoubleResponse> => {
    const route = parseArmPath(req.url.pathname);
    let res: DoubleResponse = { ...handled, headers: { ...armHeaders(req), ...(handled.headers ?? {}) } };
    if (res.body !== undefined && typeof res.body === 'object' && !Object.keys(res.headers!).some((h) => h.toLowerCase() === 'content-type')) {
      res.headers!['content-type'] = 'application/json; charset=utf-8';
    }
    const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code;
    if (route && !res.drop && code !== 'DoubleContractViolation' && code !== 'DoubleUnmatchedRequest') {
      const url = req.url.toString();
      const problems = await answerProblems(route, req, res, lro);
      if (problems.length) {
        violations.push({ side: 'response', method: req.method, url, operationId: log.operationId, problems });
        res = armError(500, 'DoubleContractViolation', `response to ${req.method} ${url} violates the spec: ${problems.join('; ')}`);
        res.headers!['content-type'] = 'application/json; charset=utf-8';
      }
    }
    return res;
  };

  const double = await startLoggedDouble({ faults, requests, violations, entry, latencyMs: () => latencyMs, handle: async (req, log) => answer(req, log, await handle(req, log)) });
  base = double.url;

  return {
    ...double,
    state: {
      resources: (type) => store.list(type),
      get: (id) => (store.get(id) ? structuredClone(store.get(id)) : undefined),
      hidden: (id) => store.get(id)?.hidden,
    },
    ids: {
      resourceGroup: (rg) => store.rgId(rg),
      service: (rg, n) => store.serviceId(rg, n),
      site: (rg, n) => store.siteId(rg, n),
      serverFarm: (rg, n) => store.resourceId(rg, 'Microsoft.Web/serverfarms', n),
      storageAccount: (rg, n) => store.resourceId(rg, 'Microsoft.Storage/storageAccounts', n),
      workspace: (rg, n) => store.resourceId(rg, 'Microsoft.OperationalInsights/workspaces', n),
      component: (rg, n) => store.resourceId(rg, 'Microsoft.Insights/components', n),
      identity: (rg, n) => store.resourceId(rg, 'Microsoft.ManagedIdentity/userAssignedIdentities', n),
      roleDefinition: (guid) => `/subscriptions/${options.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
      roleAssignment: (scope, n) => `${scope.replace(/\/+$/, '')}/providers/Microsoft.Authorization/roleAssignments/${n}`,
    },
    seed: (s) => seedStore(store, s, options.tenantId ?? TENANT),
    addPrincipal: (id) => store.addPrincipal(id),
    setDenyActions: (a) => {
      deny = [...a];
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    reset: () => {
      store.clear();
      knownPrincipals();
      lro.clear();
      faults.clear();
      requests.length = 0;
      violations.length = 0;
      deny = [...(options.denyActions ?? [])];
    },
  };
}
