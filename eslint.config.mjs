// ESLint (flat config): typescript-eslint's recommended rules on the framework (scripts/), the sample (functions/)
// and bench/. `npm run lint` runs it and `npm test` runs it before the tests. Formatting is prettier's job
// (.prettierrc.json, `npm run format`), so no stylistic rules here.
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'coverage/**',
      '**/.generated/**',
      '.azurite/**',
      '.connectorkit/**',
      // Fixtures are inputs of tests (some deliberately wrong); the contracts are Microsoft's files, not ours.
      '**/testdata/**',
      'scripts/testing/contracts/**',
      'connector/**',
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter kept for its position (callbacks, the AuthenticateFn contract).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A `let` declared first and assigned once later is how a closure refers to the object it is part of (the
      // host handle its reload callback uses, the invocation context the worker's log hook reads).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Each codes.ts adds its codes to the CkCodeMap type by declaration merging: `interface CkCodeMap extends …{}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // `async () => void f()` returns before f's promise settles: its failure is lost and the caller goes on while
      // it still runs (a step of `up` once did this). Await it in a block body instead. This guards that one shape only;
      // dropped promises in general would need type-aware linting (no-floating-promises), which this config does not run.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ArrowFunctionExpression[async=true] > UnaryExpression[operator='void'] > :matches(CallExpression, ChainExpression)",
          message: 'An async arrow whose body is `void call()` does not wait for the call; write `async () => { await call(); }`.',
        },
      ],
    },
  },
  {
    // The CLI loads each stage inside run() (`require('../x') as typeof import('../x')`) so --help and --version
    // stay fast and load no stage (scripts/cli/startup.test.ts); the build and host do the same for heavy modules.
    files: ['scripts/cli/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The app worker loads the user's bundle with require() inside its own realm, as the Functions worker does.
    files: ['scripts/host/app-worker.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Parsed JSON documents (environment files, manifests, specs, connector definitions, ARM bodies, CLI specs of any flag shape) are
    // walked by key; `unknown` would need a cast at every step without making them safer. Tests build such documents.
    files: [
      '**/*.test.ts',
      'scripts/cli/main.ts',
      'scripts/deploy/env-errors.ts',
      'scripts/deploy/environment.ts',
      'scripts/deploy/error-hints.ts',
      'scripts/export/api-definition.ts',
      'scripts/export/breaking/detect.ts',
      'scripts/export/postman.ts',
      'scripts/connector-test/*.ts',
      'scripts/publish/desired.ts',
      'scripts/provision/tracked.ts',
      'scripts/provision/steps-apim.ts',
      'scripts/testing/host-helpers.ts',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain CommonJS entry points (the bin must run before tsx is registered) and tool configs.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
