/**
 * Maps Azure (ARM, Graph, SCM) error codes to a CkError with a concrete next step. The table is data so the README
 * and tests can list it; every entry names what to fix and where.
 */
import { CkError, isCkError } from '../core/errors';
import type { CkCode } from '../core/code-registry';
import type { DeployEnvironment } from './types';
import './codes';

/** What the deploy was doing when Azure answered with an error. */
export interface ErrorSite {
  /** e.g. "APIM named value func-key" */
  resource: string;
  /** ARM scope or Graph object the call was made on. */
  scope?: string;
  /** The env-file key that names the resource, when one does. */
  envKey?: string;
}

type HintFn = (site: ErrorSite, env: DeployEnvironment) => { code: CkCode; hint: string };

/** Azure error code → CkError code + hint. */
export const AZURE_ERROR_HINTS: Record<string, HintFn> = {
  AuthorizationFailed: (s) => ({
    code: 'CK_DEPLOY_AUTHORIZATION_FAILED',
    hint: `Assign the role ${roleFor(s.resource)} to the deploy identity on scope ${s.scope ?? 'the resource group'}, then re-run.`,
  }),
  LinkedAuthorizationFailed: (s) => ({
    code: 'CK_DEPLOY_AUTHORIZATION_FAILED',
    hint: `The identity also needs read access on the linked resource (scope ${s.scope ?? '?'}); Website Contributor on the Function App covers it.`,
  }),
  ResourceNotFound: (s, env) => ({ code: 'CK_DEPLOY_RESOURCE_NOT_FOUND', hint: notFoundHint(s, env) }),
  ResourceGroupNotFound: (_s, env) => ({
    code: 'CK_DEPLOY_RESOURCE_NOT_FOUND',
    hint: byProvision('resourceGroup', env)
      ? `Resource group "${env.resourceGroup}" (the default name for this environment) does not exist in subscription ${env.subscriptionId}: create it and its resources with \`connectorkit provision --env ${env.name}\` (or \`connectorkit up\`).`
      : `Resource group "${env.resourceGroup}" (key resourceGroup in ${env.file}) does not exist in subscription ${env.subscriptionId}.`,
  }),
  SubscriptionNotFound: (_s, env) => ({ code: 'CK_DEPLOY_RESOURCE_NOT_FOUND', hint: `Subscription ${env.subscriptionId} (key subscriptionId in ${env.file}) is not visible to the deploy identity.` }),
  InvalidAuthenticationTokenTenant: (_s, env) => ({ code: 'CK_DEPLOY_AUTH_FAILED', hint: `The token is for another tenant; sign in to tenant ${env.tenantId} (key tenantId in ${env.file}).` }),
  InvalidAuthenticationTokenAudience: () => ({
    code: 'CK_DEPLOY_AUTH_FAILED',
    hint: 'The token audience does not match the endpoint; check cloud.resourceManagerAudience / cloud.graphAudience in the env file.',
  }),
  ExpiredAuthenticationToken: () => ({ code: 'CK_DEPLOY_AUTH_FAILED', hint: 'Sign in again (az login) and re-run.' }),
  AuthenticationFailed: () => ({ code: 'CK_DEPLOY_AUTH_FAILED', hint: 'Sign in again (az login) or check the AZURE_* variables, then re-run.' }),
  ValidationError: (s) => ({
    code: 'CK_DEPLOY_AZURE_ERROR',
    hint: `API Management rejected ${s.resource}; the details name the field. For an import error, check dist/swagger.json with \`connectorkit validate\`.`,
  }),
  DeploymentFailed: (s) => ({
    code: 'CK_DEPLOY_PUBLISH_FAILED',
    hint: `Open the deployment log of ${s.resource} (Deployment Center / SCM site) and check the package: host.json at the zip root, package.json main matching the bundle.`,
  }),
  // Microsoft Graph
  Authorization_RequestDenied: () => ({
    code: 'CK_DEPLOY_GRAPH_FORBIDDEN',
    hint: 'Give the deploy identity the Entra role Application Developer, or the Graph application permission Application.ReadWrite.OwnedBy (with admin consent).',
  }),
  Request_ResourceNotFound: (s) => ({ code: 'CK_DEPLOY_RESOURCE_NOT_FOUND', hint: `The app registration for ${s.resource} vanished during the deploy; re-run to recreate it.` }),
  HostNameNotOnVerifiedDomain: () => ({
    code: 'CK_DEPLOY_AZURE_ERROR',
    hint: 'The tenant restricts identifier URIs: the API app must use api://{appId} and requestedAccessTokenVersion 2 (the deploy sets both; re-run).',
  }),
  InvalidAuthenticationToken: () => ({ code: 'CK_DEPLOY_AUTH_FAILED', hint: 'Graph refused the token; check cloud.graph / cloud.graphAudience and sign in again.' }),
};

function roleFor(resource: string): string {
  if (/^Role assignments/i.test(resource)) return 'Role Based Access Control Administrator (or Owner; `connectorkit ci setup` grants a constrained one)';
  if (/^APIM/i.test(resource)) return 'API Management Service Contributor';
  if (/function|code|host key|site/i.test(resource)) return 'Website Contributor';
  return 'Contributor';
}

/** A resource with a default name (not named in the env file) is missing: provision creates it. */
function byProvision(key: string, env: DeployEnvironment): boolean {
  return (['resourceGroup', 'functionApp', 'apimService'] as const).some((k) => k === key && !env.named.includes(k));
}

function notFoundHint(s: ErrorSite, env: DeployEnvironment): string {
  if (s.envKey && byProvision(s.envKey, env))
    return `${s.resource} was not found. Its name is the default for this environment: create it with \`connectorkit provision --env ${env.name}\` (or \`connectorkit up\`), or name an existing one under key ${s.envKey} in ${env.file}.`;
  if (s.envKey) return `${s.resource} was not found: check key ${s.envKey} in ${env.file} (and subscription ${env.subscriptionId}, resource group ${env.resourceGroup}).`;
  return `${s.resource} was not found; re-run the deploy to recreate it.`;
}

/** An error raised by the SDK (RestError), Graph/SCM fetch, or a poller, reduced to what we need. */
export interface AzureErrorInfo {
  status?: number;
  code?: string;
  message: string;
  retryAfterMs?: number;
}

/** Extracts status, Azure error code and Retry-After from anything the SDKs or our fetch clients throw. */
export function azureErrorInfo(e: unknown): AzureErrorInfo {
  const o = (e ?? {}) as Record<string, any>;
  const status: number | undefined = typeof o.statusCode === 'number' ? o.statusCode : typeof o.status === 'number' ? o.status : undefined;
  let code: string | undefined = typeof o.azureCode === 'string' ? o.azureCode : undefined;
  const body = o.details ?? o.body;
  code ??= body?.error?.code ?? (typeof o.code === 'string' ? o.code : undefined);
  const headers = o.response?.headers;
  const ra = typeof headers?.get === 'function' ? headers.get('retry-after') : o.retryAfter;
  const retryAfterMs = ra !== undefined && ra !== null && ra !== '' && !Number.isNaN(Number(ra)) ? Number(ra) * 1000 : undefined;
  const message = String(body?.error?.message ?? o.message ?? e);
  return { status, code, message, retryAfterMs };
}

const CONFLICT_CODES = new Set(['PessimisticConcurrencyConflict', 'Conflict', 'PreconditionFailed']);

/** Converts a final (non-retryable or exhausted) Azure failure into a coded CkError. */
export function toDeployError(e: unknown, site: ErrorSite, env: DeployEnvironment): CkError {
  if (isCkError(e)) return e;
  const info = azureErrorInfo(e);
  const name = (e as { name?: string })?.name;
  if (name === 'AbortError' || name === 'TimeoutError') {
    return new CkError({ code: 'CK_DEPLOY_TIMEOUT', message: `${site.resource}: the long-running operation did not finish in time.`, cause: e, data: { resource: site.resource } });
  }
  const mapped = info.code ? AZURE_ERROR_HINTS[info.code]?.(site, env) : undefined;
  const fallback = info.status === 404 ? AZURE_ERROR_HINTS.ResourceNotFound!(site, env) : info.status === 403 ? AZURE_ERROR_HINTS.AuthorizationFailed!(site, env) : undefined;
  // Throttling, 5xx and dropped connections that outlasted every retry.
  // 409 PessimisticConcurrencyConflict / 412 are retried by re-planning; when they outlast the retries they are
  // as transient as a 503 (the README promises CK_DEPLOY_TRANSIENT_EXHAUSTED).
  const conflict = info.status === 412 || (info.status === 409 && (info.code === undefined || CONFLICT_CODES.has(info.code)));
  const transient =
    conflict ||
    info.status === 429 ||
    (info.status !== undefined && info.status >= 500) ||
    (info.status === undefined && /ECONNRESET|socket|fetch failed|REQUEST_SEND_ERROR/i.test(`${info.code ?? ''} ${info.message}`));
  const pick =
    mapped ??
    fallback ??
    (transient
      ? { code: 'CK_DEPLOY_TRANSIENT_EXHAUSTED', hint: `${site.resource} kept failing transiently (${info.code ?? info.status ?? 'network'}); re-run the deploy — it converges.` }
      : undefined);
  return new CkError({
    code: pick?.code ?? 'CK_DEPLOY_AZURE_ERROR',
    message: `${site.resource}: ${info.code ?? `HTTP ${info.status ?? '?'}`}: ${info.message}`,
    hint: pick?.hint,
    cause: e,
    data: { azureCode: info.code, status: info.status, resource: site.resource },
  });
}
