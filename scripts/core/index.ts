export * from './errors';
export * from './code-registry';
export * from './io';
export * from './redact';
export * from './fs';
export { toErrorBody } from '../runtime/error-body';
