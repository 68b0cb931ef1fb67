export * from './load';
export * from './types';
export { DEFAULTS } from './defaults';
