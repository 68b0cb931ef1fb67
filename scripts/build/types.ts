import type { LintFinding } from '../spec';

/** Options of {@link build}. */
export interface BuildOptions {
  /** Use the build cache (default true). `--no-cache` sets false: always run every step. */
  cache?: boolean;
  /** Minify main.js (default true). */
  minify?: boolean;
}

/** What `connectorkit build` produced (absolute paths). */
export interface BuildResult {
  specFile: string;
  routesFile: string;
  appDir: string;
  zipFile: string;
  /** Number of Functions (operations) registered by the bundle. */
  functions: number;
  /** True when nothing changed and every step was skipped. */
  cached: boolean;
  /** Lint warnings (errors fail the build). */
  warnings: LintFinding[];
  /** Which outputs were (re)written this time (project-relative). */
  written: string[];
}
