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
    /**
     * The validation level `export` and `deploy` write the connector at (default certification). `platform` is what
     * a custom connector needs; the certification metadata below is then optional.
     */
    level?: 'schema' | 'platform' | 'certification';
    /** info.title override (≤ 30 chars, no "API"/"Connector"); defaults to api.title. */
    title?: string;
    /** info.description override (30–500 chars); defaults to api.description. */
    description?: string;
    /** Production host before the first deploy (deploy outputs win; default api.host). */
    host?: string;
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
    /** Entra settings before the first deploy; deploy outputs take precedence. Never a client secret. */
    auth?: { clientId?: string; tenantId?: string; resourceUri?: string; loginUri?: string; scopes?: string[]; enableOnBehalfOfLogin?: boolean; [k: string]: unknown };
    [k: string]: unknown;
  };
  serve: { port: number; host: string; enableAuth: boolean; issuerPort: number; issuerCorsOrigins?: string[]; storage?: 'azurite' | 'connection-string' | 'none'; allowedHosts?: string[] };
  auth: { scope: string; appRoles?: string[] };
  /** Generated Functions registrations (owned by scripts/routes). */
  routes?: { authLevel?: 'anonymous' | 'function' | 'admin'; bodyCoercion?: boolean };
  /** Deploy tuning (owned by scripts/deploy): retry/backoff and polling; e.g. CONNECTORKIT_DEPLOY__RETRY='{"baseDelayMs":1}'. */
  deploy?: { retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number; pollIntervalMs?: number; lroTimeoutMs?: number } };
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
