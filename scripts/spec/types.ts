import type { BuildMetadata } from '../metadata';

/** One build-time lint result, pointing at the controller method (or class) it is about. */
export interface LintFinding {
  /** A code declared in scripts/spec/codes.ts. */
  code: string;
  severity: 'error' | 'warning';
  /** What is wrong, naming the operation. */
  message: string;
  /** What to do about it. */
  hint: string;
  /** Project-relative POSIX path of the controller file. */
  file: string;
  /** 1-based line of the method (its first decorator) or class. */
  line: number;
}

/** Options of {@link emitSpec}. */
export interface EmitSpecOptions {
  /** Root `x-ms-connector-metadata` (the export stage supplies the real one). */
  connectorMetadata?: Array<{ propertyName: string; propertyValue: string }>;
  /** Other root-level `x-*` keys to add (merged after `x-ms-connector-metadata`). */
  rootExtensions?: Record<string, unknown>;
  /**
   * tsoa's `noImplicitAdditionalProperties`; must equal the value the route generator uses (it decides whether
   * models get `additionalProperties: false`). Default `'throw-on-extras'`.
   */
  noImplicitAdditionalProperties?: 'throw-on-extras' | 'silently-remove-extras' | 'ignore';
  /** Run {@link lintMetadata} and include its findings (default true). */
  lint?: boolean;
}

/** The result of {@link emitSpec}: the spec object (write with `toJsonText`) and every finding, errors and warnings. */
export interface SpecResult {
  spec: SwaggerSpec;
  findings: LintFinding[];
}

/** A Swagger 2.0 document (loosely typed: the emitter only reads the keys it fixes). */
export type SwaggerSpec = Record<string, unknown> & {
  swagger: '2.0';
  paths: Record<string, Record<string, unknown>>;
  definitions?: Record<string, unknown>;
};

/** One controller method as the Functions app and the spec see it. */
export interface OperationRef {
  controller: string;
  /** TypeScript method name. */
  method: string;
  operationId: string;
  /** Lower-case HTTP verb. */
  verb: string;
  /** Route relative to the Functions route prefix / Swagger basePath, e.g. `employees/{id}` (no leading slash). */
  route: string;
  file: string;
  line: number;
  /** `@Hidden`: a Function, but not in the spec or the connector. */
  hidden: boolean;
  md: BuildMetadata['metadata']['controllers'][number]['methods'][number];
}

/** A lint rule: one per file under scripts/spec/lint/. */
export interface LintRule {
  /** The finding code it emits (declared in codes.ts). */
  code: string;
  check(ctx: LintContext): LintFinding[];
}

/** What every rule gets: the metadata and the operation index built once. */
export interface LintContext {
  bm: BuildMetadata;
  operations: OperationRef[];
  /** Finding at an operation, with the code's default hint unless given. */
  at(op: Pick<OperationRef, 'file' | 'line'>, code: string, severity: LintFinding['severity'], message: string, hint?: string): LintFinding;
}
