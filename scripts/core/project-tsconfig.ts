/**
 * The compilerOptions of a connectorkit project: what `connectorkit init` writes to tsconfig.json, and what a build
 * type-checks with when a project has no tsconfig.json. One list, so a project without the file is judged as a new
 * project would be. JSON form (as in tsconfig.json); scripts/metadata/compiler-options.ts converts it.
 */
export const PROJECT_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'commonjs',
  moduleResolution: 'node',
  // DOM for fetch's and URL's types (Node has them as globals); DOM.Iterable to iterate Headers, FormData, URLSearchParams.
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  strict: true,
  esModuleInterop: true,
  experimentalDecorators: true,
  resolveJsonModule: true,
  skipLibCheck: true,
  forceConsistentCasingInFileNames: true,
  isolatedModules: true,
  // Only Node's globals: without `types`, TypeScript adds every node_modules/@types package (jest's, babel's…) to
  // the program, so a test runner's globals would type-check in function code and every build would parse them.
  types: ['node'],
} as const;
