export { bundleApp } from './bundle';
export { deterministicZip } from './zip';
export type { BundleOptions, BundleResult } from './types';
