export { bundleApp, createAppBundler, type AppBundler } from './bundle';
export { deterministicZip } from './zip';
export type { BundleOptions, BundleResult } from './types';
