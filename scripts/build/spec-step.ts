/**
 * The spec step of the build: SPEC's `emitSpec(bm, config.api, options) → {spec, findings}` (lint included).
 * Loaded lazily so a cache hit never loads tsoa or TypeScript.
 */
import type { BuildMetadata } from '../metadata/types';
import type { ProjectConfig } from '../config/types';
import type { LintFinding, SpecResult } from '../spec/types';

type EmitSpec = (bm: BuildMetadata, api: ProjectConfig['api'], opts?: { noImplicitAdditionalProperties?: 'throw-on-extras' | 'silently-remove-extras' | 'ignore' }) => SpecResult;

function loadEmitSpec(): EmitSpec | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../spec') as { emitSpec?: EmitSpec }).emitSpec;
  } catch (e) {
    if ((e as { code?: string }).code === 'MODULE_NOT_FOUND') return undefined;
    throw e;
  }
}

/** Swagger 2.0 spec + every lint finding of the metadata. */
export function specStep(bm: BuildMetadata, api: ProjectConfig['api']): SpecResult {
  const emitSpec = loadEmitSpec();
  if (emitSpec) return emitSpec(bm, api, { noImplicitAdditionalProperties: 'throw-on-extras' });
  // Fallback while scripts/spec/index.ts is not there: tsoa's own SpecGenerator2 plus the lint rules.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { SpecGenerator2 } = require('@tsoa/cli/dist/swagger/specGenerator2');
  const { lintMetadata } = require('../spec/lint') as { lintMetadata: (bm: BuildMetadata) => LintFinding[] };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const spec = new SpecGenerator2(bm.metadata, {
    outputDirectory: '.',
    entryFile: '',
    noImplicitAdditionalProperties: 'throw-on-extras',
    specVersion: 2,
    name: api.title,
    description: api.description,
    version: api.version,
    host: api.host,
    basePath: api.basePath,
    schemes: api.schemes,
    securityDefinitions: api.securityDefinitions,
  }).GetSpec();
  return { spec, findings: lintMetadata(bm) };
}
