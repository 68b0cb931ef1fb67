/** The project configuration after defaults, package.json, environment and flags are merged. */
export interface ProjectConfig {
  entryFile: string;
  controllerPathGlobs: string[];
  authModule?: string;
  outDir: string;
  generatedDir: string;
  connectorDir: string;
  api: {
    title: string;
    description: string;
    version: string;
    contact?: { name?: string; url?: string; email?: string };
    host: string;
    basePath: string;
    schemes: Array<'http' | 'https'>;
    securityDefinitions?: Record<string, unknown>;
  };
  /** Connector export settings (owned by scripts/export). */
  connector: {
    website?: string;
    privacyPolicy?: string;
    categories?: string[];
    brandColor?: string;
    publisher?: string;
    stackOwner?: string;
    icon?: string;
    capabilities?: string[];
    policyTemplateInstances?: unknown[];
    environment?: string;
    connectorId?: string;
    auth?: Record<string, unknown>;
    [k: string]: unknown;
  };
  serve: { port: number; host: string; enableAuth: boolean; issuerPort: number; storage?: 'azurite' | 'connection-string' | 'none' };
  auth: { scope: string; appRoles?: string[] };
}

export interface LoadedConfig {
  /** Absolute project root (the folder holding package.json). */
  root: string;
  config: Readonly<ProjectConfig>;
  /** Where each set key path came from: 'default' | 'package.json' | 'env:NAME' | 'flag:--x'. */
  sources: Record<string, string>;
  /** Resolves a project-relative path. */
  resolve(rel: string): string;
}
