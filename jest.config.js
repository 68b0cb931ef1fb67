const ESM_ONLY = ['jose'];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/scripts', '<rootDir>/functions'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/testdata/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
    // ESM-only dependencies (see scripts/testing/esm-to-cjs.js); everything else in node_modules stays untransformed.
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: '<rootDir>/scripts/testing/esm-to-cjs.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  // `connectorkit/runtime` resolves through the workspace link (node_modules/connectorkit → scripts/), as in an
  // installed project; the old name `@connectorkit/runtime` is mapped while projects move to the new one.
  moduleNameMapper: {
    '^@connectorkit/runtime$': '<rootDir>/scripts/runtime/index.ts',
  },
  testTimeout: 60000,
  maxWorkers: 2,
  // At the end of a run jest asks each worker to exit and, by default, force-kills it after 500 ms with "A worker
  // process has failed to exit gracefully". Ours hold the heaps of the Azurite and browser suites (hundreds of MB),
  // which Node can take longer than that to tear down under load. 10 s still catches a worker kept alive by a leaked
  // handle: it would print the same message, 10 s later.
  workerGracefulExitTimeout: 10_000,
};
