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
};
