/**
 * The clients and values of one provision run. Every ARM client points at the env's cloud (sovereign clouds and the
 * loopback doubles alike: `cloud.resourceManager` and its audience), with the SDKs' own retries off — the deploy's
 * `withRetry` wraps each call — and the deploy's LRO pacing policy.
 */
import { ApiManagementClient } from '@azure/arm-apimanagement';
import { WebSiteManagementClient } from '@azure/arm-appservice';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import { OperationalInsightsManagementClient } from '@azure/arm-operationalinsights';
import { ResourceManagementClient } from '@azure/arm-resources';
import { StorageManagementClient } from '@azure/arm-storage';
import type { TokenCredential } from '@azure/core-auth';
import { CkError } from '../core/errors';
import type { IoHost } from '../core/io';
import { DEFAULT_RETRY, lroPacingPolicy, type DeployEnvironment, type RetryStats } from '../deploy';
import { envPlaceholderValues, loadResourceManifests } from './manifests';
import type { ArmClients, ProvisionContext, ProvisionEnvironment, ProvisionOptions } from './types';
import './codes';

/** The environment with a location and resolved names, or a coded error saying what to add. */
export function provisionEnvironment(opts: ProvisionOptions): ProvisionEnvironment {
  const env = opts.env;
  if (!env.location || !env.names)
    throw new CkError({
      code: 'CK_PROVISION_LOCATION_MISSING',
      message: `${env.file} has no "location": provision needs the region to create resources in.`,
      target: `${env.file}#location`,
    });
  return env as ProvisionEnvironment;
}

/**
 * Options for every ARM SDK client of provision and down: the environment's endpoint and audience (sovereign clouds),
 * our retries instead of the SDK's, and the Retry-After pacing of long-running operations. Classic
 * (@azure/core-client: $host, credentialScopes) and modular (@azure-rest/core-client: endpoint, credentials.scopes)
 * SDKs name the same settings differently; each reads its own.
 */
function armClientOptions(env: Pick<DeployEnvironment, 'cloud'>, retry: { maxDelayMs: number }) {
  const arm = env.cloud.resourceManager;
  const scopes = [`${env.cloud.resourceManagerAudience}/.default`];
  const pacing = { policy: lroPacingPolicy({ maxDelayMs: retry.maxDelayMs }), position: 'perCall' as const };
  return { $host: arm, endpoint: arm, credentialScopes: scopes, credentials: { scopes }, retryOptions: { maxRetries: 0 }, additionalPolicies: [pacing] };
}

/** Every ARM SDK client of one provision or down run, with those options. */
export function armClients(env: Pick<DeployEnvironment, 'cloud' | 'subscriptionId'>, credential: TokenCredential, retry: { maxDelayMs: number }): ArmClients {
  const options = armClientOptions(env, retry);
  const sub = env.subscriptionId;
  return {
    resources: new ResourceManagementClient(credential, sub, options),
    storage: new StorageManagementClient(credential, sub, options),
    logs: new OperationalInsightsManagementClient(credential, sub, options),
    msi: new ManagedServiceIdentityClient(credential, sub, options),
    auth: new AuthorizationManagementClient(credential, sub, options),
    web: new WebSiteManagementClient(credential, sub, options),
    apim: new ApiManagementClient(credential, sub, options),
  };
}

/** Builds the context (clients, manifests, placeholder values) of one run; loading the manifests checks them. */
export function createProvisionContext(opts: ProvisionOptions, io: IoHost, stats: RetryStats): ProvisionContext {
  const env = provisionEnvironment(opts);
  const retry = { ...DEFAULT_RETRY, ...opts.retry };
  const manifests = loadResourceManifests(opts.root);
  return {
    env,
    opts,
    io,
    retry,
    stats,
    manifests,
    ...armClients(env, opts.credential, retry),
    out: { creating: new Set() },
    values: envPlaceholderValues(env),
  };
}
