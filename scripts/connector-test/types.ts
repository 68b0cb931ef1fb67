/**
 * Types of the connector test runner. A *case* is one thing the runner calls: today an action (an operation of the
 * definition, from a scenario file or a smoke call); the `kind` field is where a trigger mode (polling / webhook
 * triggers, added later) plugs in with its own executor.
 */

export type Obj = Record<string, any>;

/** One operation of the connector definition, with parameters resolved ($ref followed, path-level merged). */
export interface ConnectorOperation {
  operationId: string;
  method: string;
  /** Path template as in the definition, e.g. /employees/{employeeId}. */
  path: string;
  op: Obj;
  params: Obj[];
  /** JSON pointer of the operation in apiDefinition.swagger.json. */
  pointer: string;
  /** `x-ms-trigger` when set (batch / single): run by a trigger executor, not as an action. */
  trigger?: string;
}

export interface ConnectorModel {
  dir: string;
  def: Obj;
  operations: Map<string, ConnectorOperation>;
  policies: Obj[];
  /** Base URL from host + basePath + first scheme. */
  baseUrl: string;
}

/** A scenario file after schema check. */
export interface Scenario {
  file: string;
  name: string;
  operationId: string;
  /** `action` today; `trigger` is reserved for the trigger executor. */
  kind: 'action';
  inputs: Obj;
  expect: { status: number; output?: Record<string, unknown>; headers?: Record<string, string> };
  /** Values to remember for later scenarios: name → JSON pointer into the output (or `header:<name>`). */
  save?: Record<string, string>;
}

export interface CaseFailure {
  /** What failed: status, schema, assertion, request, dynamic-values, … */
  check: string;
  message: string;
  /** JSON pointer into the response (or the request input) the failure is about. */
  pointer?: string;
}

export interface CaseResult {
  name: string;
  kind: 'action' | 'smoke';
  operationId: string;
  method: string;
  url: string;
  status?: number;
  ms: number;
  pages: number;
  ok: boolean;
  skipped?: string;
  failures: CaseFailure[];
  file?: string;
}

export interface TestReport {
  target: string;
  passed: number;
  failed: number;
  skipped: number;
  ms: number;
  cases: CaseResult[];
  warnings: string[];
}

/** What the runner sends requests to and how it authenticates. */
export interface TestTarget {
  /** Replaces scheme://host/basePath of the definition (e.g. http://127.0.0.1:7071/api). */
  baseUrl?: string;
  /** Returns the Authorization header value (or undefined for none). */
  authorization?: () => Promise<string | undefined>;
  /** Values of connection parameters for policy expressions (@connectionParameters('x')). */
  connectionParameters?: Record<string, string>;
  label: string;
}
