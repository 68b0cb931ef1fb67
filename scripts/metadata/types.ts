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
  /** Exported controller classes / public async methods that produce no operation (warned by the lint). */
  unrouted?: UnroutedMember[];
  /** `@Middlewares` uses (class or method level). */
  middlewares?: MiddlewareUse[];
  /** The auth module and the security names it declares (absent when the build has no auth module). */
  auth?: AuthModuleFacts;
  /** TypeScript errors in the project's files (present when the build asked for the type check). */
  typeErrors?: TypeErrorFinding[];
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

/** A TypeScript error in one of the project's files (the build fails on these, like on lint errors). */
export interface TypeErrorFinding extends SourceLocation {
  /** `TS2322: Type 'string' is not assignable to type 'number'.` */
  message: string;
}

/** An exported controller class or public async method that produces no operation (no @Route / no verb decorator). */
export interface UnroutedMember extends SourceLocation {
  controller: string;
  /** Absent when the whole class has no @Route. */
  method?: string;
}

/** Where `@Middlewares(...)` is used: the generated handler runs them before the method. */
export interface MiddlewareUse extends SourceLocation {
  controller: string;
  /** Absent for a class-level @Middlewares (applies to every method). */
  method?: string;
  /** Parameter count of each middleware argument's call signature (-1: not a function type). */
  arities: number[];
}

/** What the build knows about the auth module. */
export interface AuthModuleFacts {
  /** Project-relative path. */
  file: string;
  /** Its exported `securityNames` (undefined when it declares none, so names cannot be checked). */
  securityNames?: string[];
}
