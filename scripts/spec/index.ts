/** The spec stage: Swagger 2.0 for Power Platform from the build metadata, plus build-time lint. */
export { emitSpec } from './emit';
export { lintMetadata, LINT_RULES, sortFindings } from './lint/index';
export { LintError, lintErrorOf, assertNoLintErrors, logLintWarnings, findingTarget } from './lint-error';
export { listOperations, operationIdOf, routeOf } from './operations';
export { humanise } from './humanise';
export { SPEC_CODES } from './codes';
export type { EmitSpecOptions, LintFinding, OperationRef, SpecResult, SwaggerSpec } from './types';
