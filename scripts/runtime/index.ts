/**
 * connectorkit/runtime — the small runtime that generated Functions registrations and controllers import.
 * It is bundled into the Functions app, so it imports nothing else of connectorkit (runtime-imports.test.ts walks
 * its imports): only files under runtime/, @azure/functions, @tsoa/runtime, jose, validator (two date checks) and Node built-ins.
 */
export * from './error-body';
export * from './http-error';
export * from './http-codes';
export * from './types';
export { createHandler } from './handler';
export * from './param-extension';
export { escapeForLog, safeLogText } from './log-text';
export { isCalendarDate, isCalendarDateTime } from './calendar';
export * from './entra';
export * from './triggers/index';
