/** Types of `connectorkit ci setup`: its options, context and result. */
import type { TokenCredential } from '@azure/core-auth';
import type { AuthorizationManagementClient } from '@azure/arm-authorization';
import type { GraphClient } from '../entra';
import type { RetryOptions, RetryStats, ChangeAction, DeployEnvironment, PlannedChange } from '../deploy';

/** Where the deploy identity's roles are assigned. */
export type RoleScopeKind = 'subscription' | 'resource-group';

export interface CiSetupOptions {
  env: DeployEnvironment;
  /** Project root (infra/resources/role-assignments.json is read from it when present). */
  root: string;
  /** GitHub repository, owner/name. */
  repo: string;
  /** The GitHub environment the deploy job runs in (default: the connectorkit env name). */
  githubEnvironment: string;
  scope: RoleScopeKind;
  planOnly: boolean;
  credential: TokenCredential;
  retry?: Partial<RetryOptions>;
  /**
   * Grant the Graph application permission Application.ReadWrite.OwnedBy (default true). false: plan it as left to an
   * administrator, for runs by someone who may not grant it.
   */
  graphPermission?: boolean;
}

/** One role the deploy identity gets. `condition` limits what it may assign (constrained delegation). */
export interface DeployRole {
  roleName: string;
  roleId: string;
  condition?: string;
}

export interface CiContext {
  env: DeployEnvironment;
  opts: CiSetupOptions;
  retry: RetryOptions;
  stats: RetryStats;
  graph: GraphClient;
  auth: AuthorizationManagementClient;
  /** ARM scope of the role assignments. */
  scopeId: string;
  app: { displayName: string; uniqueName: string };
  federated: { name: string; issuer: string; subject: string; audiences: string[] };
  roles: DeployRole[];
  out: { appId?: string; appObjectId?: string; spId?: string };
}

/** The values the GitHub repository needs (repository or environment variables: none of them is secret). */
export interface CiVariables {
  AZURE_CLIENT_ID: string;
  AZURE_TENANT_ID: string;
  AZURE_SUBSCRIPTION_ID: string;
}

export interface CiSetupResult {
  env: string;
  repo: string;
  githubEnvironment: string;
  subject: string;
  scope: string;
  planOnly: boolean;
  changes: PlannedChange[];
  summary: Record<ChangeAction, number>;
  variables: CiVariables;
  retries: number;
}
