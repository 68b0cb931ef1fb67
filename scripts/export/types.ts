/**
 * Types of the export stage: what goes in (spec, config, deploy outputs) and what comes out (a connector folder
 * held in memory, then written).
 */
import type { ProjectConfig } from '../config';

/** Outputs of `connectorkit deploy` for one environment (`.connectorkit/deploy-<env>.json`). */
export interface DeployOutputs {
  /** Gateway host without scheme, e.g. `contoso-apim.azure-api.net`. */
  host: string;
  /** Gateway path of the API, starting with `/`. */
  basePath: string;
  tenantId: string;
  /** Application (client) id of the API app registration. */
  apiAppId: string;
  /** App ID URI of the API app, e.g. `api://<apiAppId>`; becomes `resourceUri`. */
  apiAppIdUri: string;
  /** Application (client) id of the connector's app registration. */
  connectorClientId: string;
  /** Full delegated scope, e.g. `api://<apiAppId>/user_impersonation`. */
  scope: string;
  /** The environment's Entra authority (e.g. `https://login.microsoftonline.us`); becomes the connector's `loginUri`. */
  loginUri?: string;
}

/** Input of {@link buildConnector}. */
export interface BuildConnectorInput {
  /** Swagger 2.0 as emitted by `connectorkit build` (dist/swagger.json). Not modified. */
  spec: Record<string, unknown>;
  config: Readonly<ProjectConfig>;
  deployOutputs?: DeployOutputs;
  /** Icon bytes; when absent and `config.connector.icon` is set the file is read relative to `root`. */
  icon?: Buffer;
  /** Project root for `config.connector.icon` (default: process.cwd()). */
  root?: string;
  /** The validation level the export targets (default 'certification'): below it, certification metadata is optional. */
  level?: 'schema' | 'platform' | 'certification' | 'none';
}

/** A note about the export that does not stop it (rendered as a warning). */
export interface ExportNotice {
  code: string;
  message: string;
  /** Config key or JSON pointer it is about. */
  target?: string;
}

/** What the export decided, for `--json` consumers and the readme. */
export interface ConnectorModel {
  title: string;
  host: string;
  basePath: string;
  operations: Array<{ operationId: string; method: string; path: string; summary: string; description: string; trigger?: string }>;
  brandColor: string;
  /** True when host/clientId/resourceUri are local placeholders (no deploy outputs). */
  placeholders: string[];
  iconGenerated: boolean;
}

/** The connector folder held in memory: relative file name → content. */
export interface ConnectorFolder {
  files: Record<string, Buffer | string>;
  model: ConnectorModel;
  notices: ExportNotice[];
}

/** One change between the existing and the new apiDefinition. */
export interface DefinitionChange {
  /** Stable class id, e.g. `operation-deleted`, `parameter-location-changed`. */
  kind: string;
  breaking: boolean;
  operationId: string;
  /** JSON pointer into the (old for deletions, else new) apiDefinition. */
  pointer: string;
  message: string;
}

export interface WriteConnectorOptions {
  allowBreaking?: boolean;
  /** Also write a deterministic zip: `true` → `<dir>.zip`, a string → that path. */
  zip?: boolean | string;
  /** Validation level used before writing (default 'certification'); 'none' skips it (tests of other stages only). */
  level?: 'schema' | 'platform' | 'certification' | 'none';
}

export interface WriteConnectorResult {
  changed: string[];
  unchanged: string[];
  breaking: DefinitionChange[];
  /** Non-breaking changes (added operations, doc changes, …). */
  summary: DefinitionChange[];
  zipFile?: string;
  /** Whether the offline validator ran (false only with level 'none'). */
  validated: boolean;
  /** Warnings from the validator (errors stop the write). */
  warnings: Array<{ ruleId: string; message: string; pointer: string; file: string }>;
}
