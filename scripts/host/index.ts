/** The local Functions host (connectorkit serve). */
export { startHost, DEFAULT_MAX_BODY_BYTES } from './start-host';
export { compileRoute, SUPPORTED_CONSTRAINTS, type CompiledRoute } from './route-template';
export { generateKeys, newKey } from './keys';
export { loadOrCreateKeys } from './keys-file';
export { tryItCurl } from './try-it';
export { readHostJson, readLocalSettings, appEnvironment, type HttpSettings, type LocalSettings } from './app-settings';
export type { StartHostOptions, HostHandle, FunctionInfo, HostKeys, DocsOptions } from './types';
