/**
 * What every deploy step sees: the environment, the Azure clients (SDKs with their own retries off — ours are
 * used instead — and fetch-based Graph/SCM clients) and the outputs steps publish for their dependents.
 */
import type { ApiManagementClient } from '@azure/arm-apimanagement';
import type { WebSiteManagementClient } from '@azure/arm-appservice';
import type { Secret } from '../core/redact';
import type { GraphClient } from '../entra';
import type { ScmClient } from './scm-client';
import type { RetryOptions, RetryStats } from './retry';
import type { DeployEnvironment, DeployOptions } from './types';

/** Values steps hand to later steps. UNKNOWN (engine.ts) marks values that exist only after a create. */
export interface DeployOutputsState {
  siteId?: string;
  defaultHostName?: string;
  flex?: boolean;
  functionKey?: Secret;
  gatewayUrl?: string;
  namedValueId?: string;
  backendId?: string;
  apiAppId?: string;
  apiAppObjectId?: string;
  scopeId?: string;
  /** The API's scope name, from infra/entra/api-app.json (config auth.scope unless the manifest says otherwise). */
  scope?: string;
  apiSpId?: string;
  connectorAppId?: string;
  connectorAppObjectId?: string;
  /** The API's path in APIM, from infra/apim/api.json (the connector's basePath). */
  apiPath?: string;
  /** Operation names the API import removes (for the export's breaking-change report). */
  removedOperations?: string[];
}

export interface DeployContext {
  env: DeployEnvironment;
  opts: DeployOptions;
  retry: RetryOptions;
  stats: RetryStats;
  apim: ApiManagementClient;
  web: WebSiteManagementClient;
  graph: GraphClient;
  scm: ScmClient;
  out: DeployOutputsState;
  /** dist/swagger.json as sent to APIM, and its parsed form. */
  specText: string;
  spec: Record<string, unknown>;
  zip: Buffer;
  zipSha256: string;
  /** ARM resource-id prefix of the APIM service. */
  serviceId: string;
}

/** Names derived from the environment (the APIM resource names are data in infra/apim/). */
export function names(env: DeployEnvironment) {
  return {
    hostKey: `apim-${env.apimService}`,
  };
}
