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
}
