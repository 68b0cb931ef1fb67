/** Types of the deploy stage: the environment, the plan and the result. */
import type { TokenCredential } from '@azure/core-auth';
import type { DeployOutputs } from '../export';
import type { RetryOptions } from './retry';
import type { ResourceKind, ResourceNames } from './resource-names';

/** Resolved endpoints of one Azure cloud. */
export interface CloudEndpoints {
  name: string;
  resourceManager: string;
  /** Token audience for ARM (and SCM); equals resourceManager for public clouds. */
  resourceManagerAudience: string;
  authorityHost: string;
  graph: string;
  graphAudience: string;
  scmSuffix: string;
  /** Kudu URL template ({app} = Function App name) for private endpoints, ASE or loopback doubles. */
  scmEndpoint?: string;
  disableInstanceDiscovery: boolean;
  /** v1 token issuer prefix of a named cloud (`https://sts.windows.net/` in the public cloud); `{tenant}/` is appended. */
  v1IssuerBase?: string;
  /** Custom clouds: the v1 issuer from the env file (`{tenantId}` is replaced); else it is read from the v1 OpenID metadata. */
  v1Issuer?: string;
}

export interface EntraAppRef {
  displayName: string;
  uniqueName: string;
}

/** infra/environments/<env>.json after schema validation and cloud resolution. */
export interface DeployEnvironment {
  name: string;
  /** The env file (repo-relative) — error hints point at it. */
  file: string;
  cloud: CloudEndpoints;
  subscriptionId: string;
  /** Resolved names (resource-names.ts): the env file's, else the deterministic defaults. */
  resourceGroup: string;
  tenantId: string;
  functionApp: string;
  apimService: string;
  /** Region of what provision creates (normalised, e.g. `westeurope`); absent when the env file names everything. */
  location?: string;
  /** Every resource's name (absent without a location unless the env file names them all). */
  names?: ResourceNames;
  /** Resources whose name the env file gives: provision adopts them when they exist (never tags, changes or deletes them). */
  named: ResourceKind[];
  /** The API Management service provision creates (env `apim`). */
  apim: { sku: string; capacity?: number; publisherEmail?: string; publisherName?: string };
  api: { id: string; path: string; displayName: string };
  product?: string;
  entra: { apiApp: EntraAppRef; connectorApp: EntraAppRef; connectorIds: string[] };
  /** Where `publish` puts the connector (absent: the environment has no Power Platform target). */
  powerPlatform?: { environmentUrl: string; solution: string; connectorName?: string; clientSecretKeyVaultUrl?: string };
}

export type ChangeAction = 'create' | 'update' | 'delete' | 'no-op';

export interface PropertyDiff {
  path: string;
  from?: unknown;
  to?: unknown;
}

/** One line of the plan. */
export interface PlannedChange {
  stage: 'code' | 'entra' | 'apim' | 'app' | 'export' | 'publish' | 'ci' | 'provision' | 'down';
  resource: string;
  action: ChangeAction;
  diff?: PropertyDiff[];
  note?: string;
}

export interface DeployOptions {
  env: DeployEnvironment;
  /** Project root, and the build outputs. */
  root: string;
  specFile: string;
  zipFile: string;
  connectorDir: string;
  /** Plan only: read everything, write nothing. */
  planOnly: boolean;
  credential: TokenCredential;
  /** Create a new connector client secret (delivered through `onClientSecret`, never logged). */
  createClientSecret?: boolean;
  onClientSecret?: (secret: string) => Promise<void> | void;
  allowBreaking?: boolean;
  /** Skip the export + validation (library use). */
  skipExport?: boolean;
  retry?: Partial<RetryOptions>;
  /** API scope name (config auth.scope). */
  scope: string;
  /** The project config (export needs it). */
  config?: unknown;
}

export interface DeployResult {
  env: string;
  planOnly: boolean;
  changes: PlannedChange[];
  summary: Record<ChangeAction, number>;
  outputs?: DeployOutputs;
  connector?: { dir: string; changed: boolean; breaking: string[]; validation?: { level: string; errors: number; warnings: number } };
  retries: number;
}
