/**
 * `connectorkit` — the programmatic API (what the CLI commands call): load a project's configuration, build it,
 * export and validate its connector, serve it locally. Generated code and controllers import `connectorkit/runtime`
 * instead, which stays small enough to bundle into the app.
 */
export { CkError, isCkError, type ErrorDetail } from './core/errors';
export { SilentIoHost, RecordingIoHost, type IoHost } from './core/io';
export { loadConfig, type LoadConfigOptions, type LoadedConfig, type ProjectConfig } from './config';
export { build, buildPaths, type BuildOptions, type BuildResult } from './build';
export { runExport } from './export';
export { validateConnectorDir, formatReport, type ValidationLevel, type ValidationReport } from './validate';
export { startHost, type HostHandle, type StartHostOptions } from './host';
export { startDevIssuer, type DevIssuer } from './auth-dev';
