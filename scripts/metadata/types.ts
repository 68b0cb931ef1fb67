import type { Tsoa } from '@tsoa/runtime';

/** Where a controller or method is declared (project-relative POSIX path, 1-based line). */
export interface SourceLocation {
  file: string;
  line: number;
}

/** Locations of every controller class and method, keyed by controller name then method name. */
export interface LocationMap {
  [controller: string]: { at: SourceLocation; methods: Record<string, SourceLocation> };
}

/** The one metadata pass of a build: tsoa's metadata plus source locations. JSON-serialisable. */
export interface BuildMetadata {
  metadata: Tsoa.Metadata;
  locations: LocationMap;
  /** Every source file the TypeScript program read inside the project (for the build cache key). */
  inputFiles: string[];
  /** `@ParamExtension(key, value)` values read from the controller sources (absent on metadata from older builds). */
  paramExtensions?: ParamExtensionMap;
  /** ParamExtension decorators whose arguments were not literals; the spec lint reports them. */
  paramExtensionIssues?: ParamExtensionIssue[];
  /** `@WebhookTrigger` / `@PollingTrigger` declarations (absent on metadata from older builds). */
  triggers?: TriggerDecl[];
}

/** One trigger decorator on a controller method (scripts/metadata/trigger-decorators.ts). */
export interface TriggerDecl extends SourceLocation {
  kind: 'webhook' | 'polling';
  controller: string;
  method: string;
  /** The decorator's literal options. */
  options: Record<string, unknown>;
  /** The webhook payload type as tsoa resolved it. */
  payload?: Tsoa.Type;
  /** Why the decorator could not be read; the spec lint reports it. */
  issue?: string;
}

/** controller → method → TypeScript parameter name → `{ 'x-ms-…': value }`. */
export interface ParamExtensionMap {
  [controller: string]: { [method: string]: { [param: string]: Record<string, unknown> } };
}

/** A ParamExtension decorator that could not be read statically. */
export interface ParamExtensionIssue extends SourceLocation {
  controller: string;
  method: string;
  param: string;
  message: string;
}
