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
    },
  },
  {
    // The CLI loads each stage inside run() (`require('../x') as typeof import('../x')`) so --help and --version
    // stay fast and load no stage (scripts/cli/startup.test.ts); the build and host do the same for heavy modules.
    files: ['scripts/cli/**/*.ts', 'scripts/build/build.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Plain CommonJS entry points (the bin must run before tsx is registered) and tool configs.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
