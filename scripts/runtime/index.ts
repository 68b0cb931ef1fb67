/**
 * @connectorkit/runtime — the small runtime that generated Functions registrations and controllers import.
 * It is bundled into the Functions app, so it never imports scripts/core or anything Node-CLI-only: only
 * @azure/functions types, @tsoa/runtime and Node built-ins.
 */
export * from './error-body';
export * from './http-error';
export * from './http-codes';
export * from './types';
export { createHandler } from './handler';
export * from './param-extension';
export * from './triggers/index';
