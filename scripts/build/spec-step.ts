/**
 * The spec step of the build: SPEC's `emitSpec(bm, config.api, options) → {spec, findings}` (lint included), with
 * the same excess-property policy the generated routes enforce (so the spec says `additionalProperties: false`
 * exactly where the runtime rejects extras). Required lazily by build.ts so a cache hit never loads tsoa.
 */
import type { BuildMetadata } from '../metadata';
import type { ProjectConfig } from '../config';
import { emitSpec, type SpecResult } from '../spec';

export const NO_IMPLICIT_ADDITIONAL_PROPERTIES = 'throw-on-extras' as const;

/** Swagger 2.0 spec + every lint finding of the metadata. */
export function specStep(bm: BuildMetadata, api: ProjectConfig['api']): SpecResult {
  return emitSpec(bm, api, { noImplicitAdditionalProperties: NO_IMPLICIT_ADDITIONAL_PROPERTIES });
}
