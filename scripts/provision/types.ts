/** Types of `connectorkit provision`: options, the run context, outputs steps hand on, and the result. */
import type { TokenCredential } from '@azure/core-auth';
import type { ApiManagementClient } from '@azure/arm-apimanagement';
import type { WebSiteManagementClient } from '@azure/arm-appservice';
import type { AuthorizationManagementClient } from '@azure/arm-authorization';
import type { ManagedServiceIdentityClient } from '@azure/arm-msi';
import type { OperationalInsightsManagementClient } from '@azure/arm-operationalinsights';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { StorageManagementClient } from '@azure/arm-storage';
import type { IoHost } from '../core/io';
import type { ChangeAction, DeployEnvironment, PlannedChange, RetryOptions, RetryStats, ResourceNames, Step } from '../deploy';
import type { ResourceManifests } from './manifests';

/** An environment provision can work on: a location and every name resolved. */
export type ProvisionEnvironment = DeployEnvironment & { location: string; names: ResourceNames };

export interface ProvisionOptions {
  env: DeployEnvironment;
  /** Project root (infra/resources/ is read from it, .connectorkit/ holds pending long operations). */
  root: string;
  planOnly: boolean;
  credential: TokenCredential;
  retry?: Partial<RetryOptions>;
}

/** Values steps publish for their dependents (UNKNOWN until the resource exists). */
export interface ProvisionOutputs {
  resourceGroupId?: string;
  identityId?: string;
  identityPrincipalId?: string;
  identityClientId?: string;
  storageId?: string;
  blobEndpoint?: string;
  containerId?: string;
  workspaceId?: string;
  appInsightsId?: string;
  appInsightsConnectionString?: string;
  planId?: string;
  siteId?: string;
  apimId?: string;
  /** Object id of the signed-in identity (the deploying principal). */
  deployerId?: string;
  /** Kinds provision plans to create in this run (consumers such as `up` plan around them). */
  creating: Set<string>;
}

/** The ARM SDK clients provision and down use, all on the environment's cloud (./context.ts `armClients`). */
export interface ArmClients {
  resources: ResourceManagementClient;
  storage: StorageManagementClient;
  logs: OperationalInsightsManagementClient;
  msi: ManagedServiceIdentityClient;
  auth: AuthorizationManagementClient;
  web: WebSiteManagementClient;
  apim: ApiManagementClient;
}

export interface ProvisionContext extends ArmClients {
  env: ProvisionEnvironment;
  opts: ProvisionOptions;
  io: IoHost;
  retry: RetryOptions;
  stats: RetryStats;
  manifests: ResourceManifests;
  out: ProvisionOutputs;
  /** Plan-time placeholder values (environment and names). */
  values: Record<string, string>;
}

/** A provision step and the env-file key / ARM scope its failures point at. */
export interface ProvisionStep extends Step<ProvisionContext> {
  site: { resource: string; scope?: string; envKey?: string };
}

export interface ProvisionResult {
  env: string;
  planOnly: boolean;
  changes: PlannedChange[];
  summary: Record<ChangeAction, number>;
  /** The resolved names (what deploy and down will use). */
  names: ResourceNames;
  retries: number;
}
