/** Types of the publish stage. */
import type { TokenCredential } from '@azure/core-auth';
import type { RetryOptions, ChangeAction, DeployEnvironment, PlannedChange } from '../deploy';

export interface PublishOptions {
  env: DeployEnvironment;
  /** The exported connector folder (after `deploy`, it holds the gateway host and app ids). */
  connectorDir: string;
  credential: TokenCredential;
  /** Read and plan only; write nothing. */
  planOnly: boolean;
  /** Let the publish remove or incompatibly change operations of the live connector. */
  allowBreaking?: boolean;
  /** The connector app's OAuth client secret, sent with the connection parameters when they are written. */
  clientSecret?: () => Promise<string | undefined>;
  retry?: Partial<RetryOptions>;
}

export interface PublishResult {
  env: string;
  planOnly: boolean;
  environmentUrl: string;
  solution: string;
  connector: { name: string; connectorid: string; internalId?: string; redirectUri?: string };
  changes: PlannedChange[];
  summary: Record<ChangeAction, number>;
  /** Breaking changes against the live definition (empty on a create). */
  breaking: string[];
  retries: number;
}
