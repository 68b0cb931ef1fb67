/**
 * Where the build writes its outputs. Serve and deploy read the same files, so they take the paths from here
 * instead of joining outDir and the file names again.
 */
import * as path from 'node:path';
import type { LoadedConfig } from '../config';
import type { BuildResult } from './types';

/** The build's output paths (absolute): dist/swagger.json, functions/.generated/routes.ts, dist/app/, dist/app.zip. */
export function buildPaths(loaded: LoadedConfig): Pick<BuildResult, 'specFile' | 'routesFile' | 'appDir' | 'zipFile'> {
  const { outDir, generatedDir } = loaded.config;
  const out = (rel: string) => loaded.resolve(path.join(outDir, rel));
  return { specFile: out('swagger.json'), routesFile: loaded.resolve(path.join(generatedDir, 'routes.ts')), appDir: out('app'), zipFile: out('app.zip') };
}
