/** Options of {@link bundleApp}. */
export interface BundleOptions {
  /** Absolute project root (resolve directory of the entry). */
  root: string;
  /** Absolute path of the app entry (functions/index.ts). */
  entryFile: string;
  /** Absolute path of the generated routes file (functions/.generated/routes.ts). */
  routesFile: string;
  /** Its new text when it has not been written yet (the build bundles before writing anything). */
  routesSource?: string;
  /** host.json text (copied verbatim into dist/app). */
  hostJson: string;
  /** Name and version for dist/app/package.json. */
  name: string;
  version: string;
  /** Minify main.js (default true: smaller zip and faster cold start; the source map keeps stack traces readable). */
  minify?: boolean;
  /**
   * The app declares webhook or polling triggers (the build's metadata knows): bundle the trigger store's SDKs at
   * once. Otherwise they are left out unless the bundle turns out to reach them (then it is made again with them).
   */
  triggers?: boolean;
}

/** The bundled app: dist/app's files and the zip of them. */
export interface BundleResult {
  /** Relative name → content: host.json, package.json, main.js, main.js.map. */
  files: Record<string, Buffer>;
  zip: Buffer;
  /** Warnings esbuild reported (file:line: text). */
  warnings: string[];
  /** The trigger store's SDKs left out because nothing in the app reaches them (see BundleOptions.triggers). */
  omitted: string[];
}
