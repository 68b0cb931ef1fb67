/**
 * Types of the offline connector validator: findings, reports, rules and the parsed connector model they read.
 */

/** How bad a finding is. Only `error` fails validation (exit 1). */
export type Severity = 'error' | 'warning' | 'info';

/** schema ⊂ platform (default) ⊂ certification. */
export type ValidationLevel = 'schema' | 'platform' | 'certification';

/** The levels in inclusion order. */
export const LEVELS: readonly ValidationLevel[] = ['schema', 'platform', 'certification'];

/** One problem found in a connector folder. */
export interface Finding {
  severity: Severity;
  /** Microsoft's Swagger Validator rule id where one exists (searchable on Learn), else a connectorkit id. */
  ruleId: string;
  message: string;
  /** JSON pointer into `file` ('' = the whole file). */
  pointer: string;
  /** File name inside the connector folder, e.g. `apiDefinition.swagger.json`. */
  file: string;
  /** Set when a schema failure was downgraded by a documented relaxation (scripts/validate/relaxations.ts). */
  relaxation?: string;
  /** 1-based line of the pointed-at value in a JSON file, when the pointer resolves. */
  line?: number;
}

/** The result of validating one connector folder. */
export interface ValidationReport {
  level: ValidationLevel;
  findings: Finding[];
  /** Number of findings with severity `error`. */
  errors: number;
  /** Number of findings with severity `warning`. */
  warnings: number;
  /** The files that were read, sorted. */
  files: string[];
}

/** Options of validateConnectorDir / validateConnectorFiles. */
export interface ValidateOptions {
  /** Default 'platform'. */
  level?: ValidationLevel;
}

/** A file of the folder after tolerant parsing. */
export interface ParsedFile {
  name: string;
  raw: Buffer;
  /** Decoded text (BOM stripped) for text files. */
  text?: string;
  /** Parsed JSON value, undefined when the file is not JSON or could not be parsed. */
  json?: unknown;
}

/** Loose JSON object type used while walking untyped documents. */
export type JsonObject = Record<string, unknown>;

/** One operation of the swagger. */
export interface OperationRef {
  path: string;
  method: string;
  op: JsonObject;
  pathItem: JsonObject;
  /** JSON pointer of the operation object. */
  pointer: string;
}

/** What a rule gets. */
export interface RuleContext {
  level: ValidationLevel;
  /** Parsed apiDefinition.swagger.json (an object), undefined if missing or unparseable. */
  swagger?: JsonObject;
  /** Parsed apiProperties.json (an object), undefined if missing or unparseable. */
  apiProperties?: JsonObject;
  files: Record<string, ParsedFile>;
  /** Every operation under `paths` (HTTP methods only). */
  operations: OperationRef[];
  /** Resolves an internal `#/…` reference of the swagger; undefined if it does not resolve. */
  resolveRef(ref: string): unknown;
  /** Follows `$ref` chains (internal only) and returns the target object (or the input if not a ref). */
  deref<T = unknown>(value: T): T;
  /** Records a finding; severity and file default to the rule's. */
  report(f: { message: string; pointer: string; severity?: Severity; file?: string }): void;
}

/** One validator rule (one per file under rules/). */
export interface Rule {
  /** Microsoft's rule id (or a `Ck…` id when Microsoft publishes none). */
  id: string;
  /** Lowest level at which the rule runs. */
  level: Exclude<ValidationLevel, 'schema'>;
  severity: Severity;
  /**
   * Severity at lower levels when it differs: rules the PR pipeline enforces only with certification rules on
   * (merged connectors predate them) are warnings at `platform`, where paconn's import-time validation runs.
   */
  platformSeverity?: Severity;
  /**
   * Why `platformSeverity` is lower than `severity` (README "Severity decisions"): how many of the 526 merged
   * connectors (dev corpus + population corpus) have a finding of this rule at the default level — asserted by the
   * population test — and what Microsoft's documentation says.
   */
  evidence?: { merged: number; docs: string };
  /** Default file of findings. */
  file: string;
  /** One line for the README rule table. */
  description: string;
  check(ctx: RuleContext): void;
}

/** Canonical file names of a connector folder. */
export const SWAGGER_FILE = 'apiDefinition.swagger.json';
export const PROPERTIES_FILE = 'apiProperties.json';
export const SETTINGS_FILE = 'settings.json';
export const ICON_FILE = 'icon.png';
export const README_FILE = 'readme.md';
export const SCRIPT_FILE = 'script.csx';
