export { build } from './build';
export { computeCacheKey, sourceRoots } from './cache';
export { buildPaths } from './paths';
export type { BuildOptions, BuildResult } from './types';
