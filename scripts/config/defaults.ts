import type { ProjectConfig } from './types';

/** Defaults for a project laid out as connectorkit expects. */
export const DEFAULTS: ProjectConfig = {
  entryFile: 'functions/index.ts',
  controllerPathGlobs: ['functions/controllers/**/*.ts'],
  authModule: 'functions/auth/index.ts',
  outDir: 'dist',
  generatedDir: 'functions/.generated',
  connectorDir: 'connector',
  api: {
    title: 'My API',
    description: '',
    version: '1.0.0',
    host: 'localhost:7071',
    basePath: '/api',
    schemes: ['https'],
  },
  connector: {},
  serve: { port: 7071, host: '127.0.0.1', enableAuth: false, issuerPort: 7072, storage: 'azurite' },
  auth: { scope: 'user_impersonation' },
};
