export { build } from './build';
export { computeCacheKey, sourceRoots } from './cache';
export type { BuildOptions, BuildResult } from './types';
