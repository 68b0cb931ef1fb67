/**
 * Offline contract checks with oav's LiveValidator, one instance per spec folder per process (initialising is the
 * slow part, ~0.5 s). Requests are checked before the double handles them, responses before they are sent.
 */
import * as path from 'node:path';
import { anchorsPath } from '../anchors';

const PROV = 'arm-provisioning/specification';

/** The spec copies the ARM double validates against (one oav validator per set; the set is chosen by the route). */
export const SPEC_SETS = {
  apim: {
    directory: () => anchorsPath('apim-rest-spec/2024-05-01'),
    pattern: 'specification/apimanagement/resource-manager/Microsoft.ApiManagement/ApiManagement/stable/2024-05-01/*.json',
  },
  web: {
    directory: () => anchorsPath('web-rest-spec/2025-05-01'),
    pattern: 'specification/web/resource-manager/Microsoft.Web/AppService/stable/2025-05-01/*.json',
  },
  /** The APIM service resource itself (create/update/delete, checkNameAvailability): apimdeployment.json. */
  apimService: {
    directory: () => anchorsPath(PROV),
    pattern: 'apimanagement/resource-manager/Microsoft.ApiManagement/ApiManagement/stable/2024-05-01/*.json',
  },
  resources: { directory: () => anchorsPath(PROV), pattern: 'resources/resource-manager/Microsoft.Resources/stable/2025-04-01/*.json' },
  storage: { directory: () => anchorsPath(PROV), pattern: 'storage/resource-manager/Microsoft.Storage/Storage/stable/2026-06-01/*.json' },
  loganalytics: {
    directory: () => anchorsPath(PROV),
    pattern: 'operationalinsights/resource-manager/Microsoft.OperationalInsights/OperationalInsights/stable/2022-10-01/*.json',
  },
  insights: { directory: () => anchorsPath(PROV), pattern: 'applicationinsights/resource-manager/Microsoft.Insights/stable/2020-02-02/*.json' },
  msi: { directory: () => anchorsPath(PROV), pattern: 'msi/resource-manager/Microsoft.ManagedIdentity/ManagedIdentity/stable/2024-11-30/*.json' },
  authorization: { directory: () => anchorsPath(PROV), pattern: 'authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/*.json' },
} as const;

/** The api-version each spec set serves (what the pinned SDKs send). */
export const SPEC_API_VERSIONS: Record<keyof typeof SPEC_SETS, string> = {
  apim: '2024-05-01',
  web: '2025-05-01',
  apimService: '2024-05-01',
  resources: '2025-04-01',
  storage: '2026-06-01',
  loganalytics: '2022-10-01',
  insights: '2020-02-02',
  msi: '2024-11-30',
  authorization: '2022-04-01',
};

export type SpecSetName = keyof typeof SPEC_SETS;

/** The slice of oav's LiveValidator we use (typed locally so oav stays a lazily required devDependency). */
interface OavResult {
  isSuccessful?: boolean;
  operationInfo?: { operationId?: string };
  errors: Array<{ code: string; message: string; pathsInPayload?: string[] }>;
  runtimeException?: { code: string; message: string };
}
interface OavLiveValidator {
  initialize(): Promise<void>;
  validateLiveRequest(req: LiveRequest): Promise<OavResult>;
  validateLiveResponse(res: LiveResponse, op: { url: string; method: string }): Promise<OavResult>;
}

/** A request in oav's shape. */
export interface LiveRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}
/** A response in oav's shape (statusCode is a string for oav). */
export interface LiveResponse {
  statusCode: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** Outcome of one check: ok, the matched operationId, and readable problems. */
export interface CheckOutcome {
  ok: boolean;
  operationId?: string;
  problems: string[];
  /** True when oav found no operation for the URL/method/api-version. */
  notFound: boolean;
}

const cache = new Map<string, Promise<OavLiveValidator>>();

/** Returns the (cached) initialised validator for a spec set. */
export function specValidator(name: SpecSetName): Promise<OavLiveValidator> {
  const set = SPEC_SETS[name];
  const dir = set.directory();
  const key = `${dir}|${set.pattern}`;
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- oav takes seconds to load: only when a double validates
      const oav = require('oav') as { LiveValidator: new (o: object, log?: (m: string, l: string) => void) => OavLiveValidator };
      const lv = new oav.LiveValidator(
        { directory: dir, swaggerPathsPattern: [set.pattern], git: { shouldClone: false }, loadValidatorInBackground: false, loadValidatorInInitialize: true, isArmCall: true },
        () => undefined,
      );
      await lv.initialize();
      return lv;
    })();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

function outcome(r: OavResult): CheckOutcome {
  const problems = r.errors.map((e) => `${e.code} at ${(e.pathsInPayload ?? []).join(',') || '/'}: ${e.message}`);
  if (r.runtimeException) problems.push(`${r.runtimeException.code}: ${r.runtimeException.message}`);
  const notFound = /OPERATION_NOT_FOUND/.test(r.runtimeException?.code ?? '');
  return { ok: r.isSuccessful === true, operationId: r.operationInfo?.operationId, problems, notFound };
}

/** Checks a request against the spec set (oav treats `isSuccessful: undefined` as a runtime exception → not ok). */
export async function checkRequest(name: SpecSetName, req: LiveRequest): Promise<CheckOutcome> {
  return outcome(await (await specValidator(name)).validateLiveRequest(req));
}

/** Checks a response for the operation that `req` matched. */
export async function checkResponse(name: SpecSetName, req: LiveRequest, res: LiveResponse): Promise<CheckOutcome> {
  return outcome(await (await specValidator(name)).validateLiveResponse(res, { url: req.url, method: req.method }));
}

const headerCache = new Map<string, Map<string, string[]>>();

/**
 * Required header parameters per operationId, read from the spec files. oav 4.0.3 checks them for PATCH but not
 * for DELETE (a DELETE without the required If-Match passes), so the doubles check them explicitly.
 */
export function requiredHeaders(name: SpecSetName): Map<string, string[]> {
  const set = SPEC_SETS[name];
  const dir = path.join(set.directory(), path.dirname(set.pattern));
  const cached = headerCache.get(dir);
  if (cached) return cached;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- kept synchronous and local to the cached header reader
  const fs = require('node:fs') as typeof import('node:fs');
  const docs = new Map<string, Record<string, unknown>>();
  const load = (file: string) => {
    if (!docs.has(file)) docs.set(file, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>);
    return docs.get(file)!;
  };
  const resolve = (from: string, p: { $ref?: string; in?: string; name?: string; required?: boolean }) => {
    if (!p.$ref) return p;
    const [file, pointer] = p.$ref.split('#');
    const target = file ? path.basename(file) : from;
    if (file && path.dirname(path.join(dir, file)) !== dir) return {}; // common-types: no required headers there
    let node: unknown = load(target);
    for (const k of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown>)[k];
    return node as { in?: string; name?: string; required?: boolean };
  };
  const out = new Map<string, string[]>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const doc = load(file);
    for (const section of ['paths', 'x-ms-paths']) {
      for (const item of Object.values((doc[section] ?? {}) as Record<string, Record<string, { operationId?: string; parameters?: object[] }>>)) {
        for (const [method, op] of Object.entries(item)) {
          if (method === 'parameters' || !op.operationId) continue;
          const names = (op.parameters ?? [])
            .map((p) => resolve(file, p as { $ref?: string }))
            .filter((p) => p.in === 'header' && p.required && p.name)
            .map((p) => String(p.name).toLowerCase());
          if (names.length) out.set(op.operationId, names);
        }
      }
    }
  }
  headerCache.set(dir, out);
  return out;
}
