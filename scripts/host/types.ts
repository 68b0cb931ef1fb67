/**
 * Types of the local Functions host: the public `startHost` API and the messages between the host (main thread)
 * and the app worker (a worker_thread that loads the user's bundle under the real @azure/functions library).
 */
import type { CkCode } from '../core/code-registry';
import type { IoHost } from '../core/io';
import type { Secret } from '../core/redact';

/** Extra configuration of the Swagger UI page at `/{routePrefix}/docs` (SAMPLE plugs its dev-token flow in here). */
export interface DocsOptions {
  /** Absolute URL of oauth2-redirect.html; default: the page's own `/{prefix}/docs/oauth2-redirect.html`. */
  oauth2RedirectUrl?: string;
  /** Passed to `ui.initOAuth(...)` (clientId, scopes, usePkceWithAuthorizationCodeGrant, …). Never put secrets here. */
  initOAuth?: Record<string, unknown>;
  /** Extra SwaggerUIBundle options (JSON-serialisable), merged over the defaults. */
  uiOptions?: Record<string, unknown>;
  /** Last-step rewrite of the served swagger.json (after host/schemes/basePath point at the local host). */
  specTransform?: (spec: Record<string, unknown>, ctx: { origin: string }) => Record<string, unknown>;
}

/** Keys checked when `enableAuth` is on. */
export interface HostKeys {
  /** `_master`: passes `function` and `admin` functions. */
  master: Secret;
  /** Host-level function key `default`: passes `function` functions. */
  function: Secret;
}

export interface StartHostOptions {
  /** Folder holding host.json, package.json and the bundle (dist/app). */
  appDir: string;
  /** 0 picks a free port. Default 7071. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Enforce authLevel function/admin with keys (off by default, as Core Tools does). */
  enableAuth?: boolean;
  io: IoHost;
  /** App settings that win over local.settings.json and the process environment (e.g. dev services). */
  env?: Record<string, string>;
  /** dist/swagger.json served at /{prefix}/swagger.json; the docs page is served only when it is set. */
  specFile?: string;
  /** local.settings.json to read; default `<appDir>/local.settings.json` (serve passes the project's). */
  localSettingsFile?: string;
  /** Keys to use; generated per run when omitted. */
  keys?: HostKeys;
  docs?: DocsOptions;
  /** Body limit in bytes; default FUNCTIONS_REQUEST_BODY_SIZE_LIMIT or 104857600 (Azure's Kestrel limit). */
  maxBodyBytes?: number;
  /**
   * Host names (no port) accepted in the Host header besides the loopback ones (localhost, *.localhost,
   * 127.0.0.0/8, [::1]) and the bind address; `*` accepts any well-formed name. Others get 400, so a DNS-rebinding
   * page cannot reach the host, and Location / nextLink / swagger.json never carry a foreign host.
   */
  allowedHosts?: string[];
  /** Called once the socket listens, before the app is loaded (requests until then get 503 CK_HOST_NOT_READY). */
  onListening?(url: string): void;
}

/** One registered function, as the host indexed it. */
export interface FunctionInfo {
  name: string;
  /** Trigger binding type (`httpTrigger`, `timerTrigger`, …); only HTTP triggers are served. */
  trigger: string;
  /** Upper-case methods; empty = every method. */
  methods: string[];
  /** Route template without the prefix (defaults to the function name). */
  route: string;
  /** Absolute URL template, e.g. http://127.0.0.1:7071/api/items/{id:int}. */
  url: string;
  authLevel: 'anonymous' | 'function' | 'admin';
}

export interface HostHandle {
  /** e.g. http://127.0.0.1:7071 (no trailing slash). */
  url: string;
  port: number;
  /** `/api` or '' — what precedes every function route. */
  routePrefix: string;
  functions: FunctionInfo[];
  keys: HostKeys;
  /** Loads the bundle again in a fresh worker and swaps it in without dropping the port. */
  reload(): Promise<FunctionInfo[]>;
  /** Stops listening, drains requests, runs appTerminate hooks. Idempotent. */
  close(): Promise<void>;
}

// ---- worker protocol --------------------------------------------------------------------------------------

/** A binding as the library registered it (`toCoreFunctionMetadata`). */
export interface RawBinding {
  type: string;
  direction?: string;
  route?: string;
  methods?: string[];
  authLevel?: string;
  [k: string]: unknown;
}

export interface RegisteredFunction {
  id: string;
  name: string;
  bindings: Record<string, RawBinding>;
}

export interface NullableString {
  value?: string | null;
}

/** The RpcHttpData the host sends in buffered mode (UseNullableValueDictionaryForHttp + RawHttpBodyBytes). */
export interface RpcHttpIn {
  method: string;
  url: string;
  nullableHeaders: Record<string, NullableString>;
  nullableQuery: Record<string, NullableString>;
  nullableParams: Record<string, NullableString>;
  body?: { bytes: Uint8Array };
}

export interface RpcCookie {
  name: string;
  value: string;
  domain?: { value?: string | null } | null;
  path?: { value?: string | null } | null;
  expires?: { value?: { seconds?: number; nanos?: number } | null } | null;
  secure?: { value?: boolean | null } | null;
  httpOnly?: { value?: boolean | null } | null;
  sameSite?: 'none' | 'lax' | 'strict' | 'explicitNone';
  maxAge?: { value?: number | null } | null;
}

export interface RpcHttpOut {
  statusCode?: string;
  headers?: Record<string, string>;
  cookies?: RpcCookie[];
  body?: { bytes?: Uint8Array; string?: string } | null;
}

export type ToWorker =
  | { type: 'load'; appDir: string }
  | { type: 'invoke'; id: number; invocationId: string; functionId: string; triggerName: string; http: RpcHttpIn; params: Record<string, string>; stream: boolean }
  | { type: 'terminate' };

export interface LoadReport {
  functions: RegisteredFunction[];
  modelName?: string;
  modelVersion?: string;
  capabilities: Record<string, string>;
  /** Messages the library printed in "test mode" (it did not find @azure/functions-core). */
  testModeWarnings: string[];
  files: string[];
}

export type FromWorker =
  | { type: 'loaded'; report: LoadReport }
  | { type: 'loadFailed'; code: CkCode; message: string; stack?: string }
  | { type: 'result'; id: number; http: RpcHttpOut | null; error?: { message: string; stack?: string } }
  | { type: 'log'; functionName?: string; invocationId?: string; level: string; category: string; message: string }
  | { type: 'terminated' };
