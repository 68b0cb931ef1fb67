/**
 * The ARM double: a loopback HTTPS stand-in for the Microsoft.ApiManagement (2024-05-01) and Microsoft.Web
 * (2025-05-01) operations the deploy uses. Every request and response is checked against the anchor specs with
 * oav; mismatches become `violations` and a loud 500. Behaviour spec: arm-double.md.
 */
import type { DoubleRequest, DoubleResponse, FaultDecision, FaultKind, LiveRequest, LoggedDouble, SpecSetName } from '../doubles-common';
import { checkBearer, checkRequest, checkResponse, decideFault, dropIfAfterWrite, FaultInjector, requiredHeaders, specValidator, startLoggedDouble } from '../doubles-common';
import { APIM_API_HANDLERS } from './apim-apis';
import { APIM_ENTITY_HANDLERS } from './apim-entities';
import { actionMatches, armAction, armError, armHeaders, isWrite, parseArmPath } from './arm-http';
import type { ArmHandler, HandlerCtx } from './handler-context';
import { parentNotFound } from './handler-context';
import { LroTracker } from './lro';
import { ArmStore } from './state';
import type { ArmDoubleOptions, ArmEntity, ArmLogEntry, ArmSeed, ArmViolation } from './types';
import { WEB_HANDLERS } from './web-handlers';

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
  ids: { service(rg: string, name: string): string; site(rg: string, name: string): string };
  seed(s: ArmSeed): void;
  setDenyActions(actions: string[]): void;
  /** Changes the added latency per request (ms). */
  setLatency(ms: number): void;
  /** Clears resources, logs, violations, faults and pending LROs. */
  reset(): void;
}

const API_VERSION: Record<SpecSetName, string> = { apim: '2024-05-01', web: '2025-05-01' };
const LRO_STARTS = new Set(['PUT apis/*', 'PUT namedvalues/*', 'DELETE apis/*']);
const ALWAYS: FaultKind[] = ['throttle', 'serverError', 'unavailable', 'drop', 'authorizationFailed'];

/** Starts the ARM double (loads the oav validators once per process first). */
export async function startArmDouble(options: ArmDoubleOptions): Promise<ArmDouble> {
  await Promise.all([specValidator('apim'), specValidator('web')]);
  const store = new ArmStore(options.subscriptionId);
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
    const set: SpecSetName = route.namespace;
    const isPoll = route.namespace === 'apim' && route.shape === 'tenant/operationresults/*';
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
    const handler: ArmHandler | undefined = (set === 'web' ? WEB_HANDLERS : { ...APIM_API_HANDLERS, ...APIM_ENTITY_HANDLERS })[key];
    if (!handler) return loud({ side: 'unmatched', method: req.method, url, operationId: log.operationId, problems: [`the ARM double does not implement '${key}'`] }, 404, 'DoubleUnmatchedRequest');

    const auth = await checkBearer(req.headers.authorization, options.auth);
    if (!auth.ok)
      return armError(401, auth.code, auth.message, {
        headers: { 'www-authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="${auth.message.replace(/"/g, "'")}"` },
      });
    if (route.subscriptionId.toLowerCase() !== options.subscriptionId.toLowerCase()) return armError(404, 'SubscriptionNotFound', `The subscription '${route.subscriptionId}' could not be found.`);
    const action = armAction(req.method, route);
    const oid = String(auth.claims.oid ?? auth.claims.appid ?? '00000000-0000-0000-0000-000000000000');
    const forbidden = () =>
      armError(
        403,
        'AuthorizationFailed',
        `The client '${oid}' with object id '${oid}' does not have authorization to perform action '${action}' over scope '${req.url.pathname}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      );
    if (!isPoll && deny.some((d) => actionMatches(d, action))) return forbidden();

    const parentId = set === 'apim' ? store.serviceId(route.resourceGroup, route.resource) : store.siteId(route.resourceGroup, route.resource);
    const ctx: HandlerCtx = {
      req,
      route,
      store,
      lro,
      base,
      parentId,
      apiVersion: req.url.searchParams.get('api-version') ?? API_VERSION[set],
      pageSize: options.pageSize ?? 100,
      flag: (p) => violations.push({ side: 'double', method: req.method, url, operationId: log.operationId, problems: [p] }),
    };
    if (!store.get(parentId)) return parentNotFound(ctx);

    const eligible = new Set<FaultKind>(ALWAYS);
    if (log.write) (['conflict', 'preconditionFailed', 'dropAfterWrite'] as FaultKind[]).forEach((k) => eligible.add(k));
    if (LRO_STARTS.has(key)) eligible.add('lroFailed');
    if (isPoll) eligible.delete('authorizationFailed');
    const fault = decideFault(faults, req, log, eligible);
    const early = fault && faultResponse(fault, forbidden);
    if (early) return early;
    ctx.fault = fault;
    return dropIfAfterWrite(handler(ctx), fault);
  };

  const entry = (req: DoubleRequest): ArmLogEntry => {
    const log: ArmLogEntry = { method: req.method, path: req.url.pathname, apiVersion: req.url.searchParams.get('api-version') ?? undefined, status: 0, write: false, at: Date.now() };
    const route = parseArmPath(req.url.pathname);
    log.write = route?.shape !== 'tenant/operationresults/*' && isWrite(req.method, req.url.pathname);
    return log;
  };

  /** ARM's own headers, a JSON content type, and the response checked against the spec (a mismatch → loud 500). */
  const answer = async (req: DoubleRequest, log: ArmLogEntry, handled: DoubleResponse): Promise<DoubleResponse> => {
    const route = parseArmPath(req.url.pathname);
    const isPoll = route?.shape === 'tenant/operationresults/*';
    let res: DoubleResponse = { ...handled, headers: { ...armHeaders(req), ...(handled.headers ?? {}) } };
    if (res.body !== undefined && typeof res.body === 'object' && !Object.keys(res.headers!).some((h) => h.toLowerCase() === 'content-type')) {
      res.headers!['content-type'] = 'application/json; charset=utf-8';
    }
    const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code;
    if (route && !res.drop && code !== 'DoubleContractViolation' && code !== 'DoubleUnmatchedRequest') {
      const url = req.url.toString();
      const problems = isPoll ? pollProblems(res) : await responseProblems(route.namespace, req, res);
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
    ids: { service: (rg, n) => store.serviceId(rg, n), site: (rg, n) => store.siteId(rg, n) },
    seed: (s) => store.seed(s),
    setDenyActions: (a) => {
      deny = [...a];
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    reset: () => {
      store.clear();
      lro.clear();
      faults.clear();
      requests.length = 0;
      violations.length = 0;
      deny = [...(options.denyActions ?? [])];
    },
  };
}

/** The answer for faults that fire before handling (no state change); undefined for in-handler faults. */
function faultResponse(f: FaultDecision, forbidden: () => DoubleResponse): DoubleResponse | undefined {
  const ra = { 'retry-after': String(f.retryAfterSeconds) };
  switch (f.kind) {
    case 'throttle':
      return armError(429, 'TooManyRequests', 'The request is being throttled (injected fault).', { headers: ra });
    case 'serverError':
      return armError(500, 'InternalServerError', 'Internal server error (injected fault).');
    case 'unavailable':
      return armError(503, 'ServiceUnavailable', 'The service is temporarily unavailable (injected fault).', { headers: ra });
    case 'conflict':
      return armError(409, 'PessimisticConcurrencyConflict', 'Operation on the API is in progress (injected fault).');
    case 'preconditionFailed':
      return armError(412, 'PreconditionFailed', 'The entity has been modified since it was read (injected fault).');
    case 'authorizationFailed':
      return forbidden();
    case 'drop':
      return { status: 0, drop: true };
    default:
      return undefined;
  }
}

async function responseProblems(set: SpecSetName, req: DoubleRequest, res: DoubleResponse): Promise<string[]> {
  const live = { url: req.url.toString(), method: req.method, headers: req.headers };
  const c = await checkResponse(set, live, { statusCode: String(res.status), headers: res.headers ?? {}, body: res.body });
  return c.ok ? [] : c.problems;
}

/** The polling endpoint is outside the spec: check it against common-types OperationStatusResult by hand. */
function pollProblems(res: DoubleResponse): string[] {
  if (res.status !== 200) return [];
  const b = res.body as { status?: unknown } | undefined;
  return b && typeof b.status === 'string' ? [] : ['OperationStatusResult.status is required'];
}
