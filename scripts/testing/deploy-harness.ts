/**
 * Test harness for the deploy: starts the four doubles (token authority, Graph, ARM, SCM), seeds the existing
 * Function App and APIM service, and creates a temp project (fixture dist + an env file pointing at the doubles).
 * The deploy reaches the doubles only through the env file's custom-cloud endpoints.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { startArmDouble, type ArmDouble, type ArmDoubleOptions } from './arm-double';
import { startScmDouble, type ScmDouble } from './scm-double';
import { startGraphDouble, type GraphDouble } from './graph-double/graph-double';
import { startTokenDouble, type TokenDouble } from './token-double/token-double';
import { loadConfig } from '../config';
import type { DeployOptions, DeployResult } from '../deploy';
import { recorded } from './recorded';
import { deploy, loadEnvironment, renderDeploy, scrubbing } from '../deploy';

import { CLIENT_ID, FAST_RETRY, SUB, TENANT } from './ids';

export { CLIENT_ID, SUB, TENANT };
export const CLIENT_SECRET = 'deploy-test-client-secret-Q8~value';
export const FUNCTION_KEY = 'fnkey-default-Zx81Qw0pL3mN7vB2';
export const MASTER_KEY = 'fnkey-master-Yh27Tg5rE4wQ9aS1';
export const RG = 'rg-ck-test';
export const APP = 'func-contoso-hr';
export const SVC = 'apim-contoso-hr';

export interface Doubles {
  token: TokenDouble;
  graph: GraphDouble;
  arm: ArmDouble;
  scm: ScmDouble;
  close(): Promise<void>;
  /** Every secret value a test must never see in output. */
  secrets(): string[];
  /** Contract violations of all doubles (must stay empty). */
  violations(): unknown[];
  writes(): { arm: number; graph: number; scm: number };
  /** External OIDC issuers the token double trusts for federated credentials (issuer → JWKS URL; tests add GitHub's). */
  issuerJwks: Record<string, string>;
}

/** What exists in Azure before any deploy: the APIM service and the Function App (with its keys), optionally a product. */
export function seedExisting(arm: ArmDouble, opts: { product?: boolean } = {}): void {
  arm.seed({
    apimServices: [{ resourceGroup: RG, name: SVC }],
    sites: [{ resourceGroup: RG, name: APP, flex: true, hostKeys: { masterKey: MASTER_KEY, functionKeys: { default: FUNCTION_KEY } } }],
    ...(opts.product ? { products: [{ resourceGroup: RG, service: SVC, productId: 'connectors' }] } : {}),
  });
}

/** Options of `startDoubles`: `empty` seeds nothing (an empty subscription), `siteName` is the SCM double's app, `arm` more ARM double options. */
export interface StartDoublesOptions {
  product?: boolean;
  lroPolls?: number;
  lroRetryAfterSeconds?: number;
  v1Issuer?: string;
  empty?: boolean;
  siteName?: string;
  arm?: Partial<ArmDoubleOptions>;
}

export async function startDoubles(opts: StartDoublesOptions = {}): Promise<Doubles> {
  const issuerJwks: Record<string, string> = {};
  // Federated credentials live in the Graph double; the token double asks it (late-bound: both start together).
  let graphRef: GraphDouble | undefined;
  // One directory behind Graph and ARM: a service principal Graph creates is a principal ARM role assignments accept.
  let armRef: ArmDouble | undefined;
  const federation = { credentialsFor: (id: string) => graphRef?.federatedCredentialsFor(id), issuerJwks };
  const [token, graph, arm, scm] = await Promise.all([
    startTokenDouble({ tenantId: TENANT, clients: { [CLIENT_ID]: CLIENT_SECRET }, federation, ...(opts.v1Issuer ? { v1Issuer: opts.v1Issuer } : {}) }),
    startGraphDouble({ audience: 'https://graph.microsoft.com', onServicePrincipal: (id) => armRef?.addPrincipal(id) }),
    startArmDouble({ subscriptionId: SUB, lroPolls: opts.lroPolls ?? 1, lroRetryAfterSeconds: opts.lroRetryAfterSeconds ?? 0, ...opts.arm }),
    startScmDouble({ flex: true, siteName: opts.siteName ?? APP }),
  ]);
  graphRef = graph;
  armRef = arm;
  if (!opts.empty) seedExisting(arm, opts);
  return {
    issuerJwks,
    token,
    graph,
    arm,
    scm,
    close: async () => void (await Promise.all([token.close(), graph.close(), arm.close(), scm.close()])),
    secrets: () => [CLIENT_SECRET, FUNCTION_KEY, MASTER_KEY, ...graph.issuedSecrets, ...token.state.issued.map((t) => t.token)],
    violations: () => [...token.violations, ...graph.violations, ...arm.violations, ...scm.violations],
    writes: () => ({ arm: arm.writes(), graph: graph.writes(), scm: scm.writes() }),
  };
}

/** What `useDoubles` gives a describe block; `d` and `root` are set once its beforeAll has run. */
export interface DoublesFixture {
  readonly d: Doubles;
  readonly root: string;
  /** Everything the block's deploys reported (`recordedDeploy(opts, h.sink)`). */
  readonly sink: string[];
}

/**
 * The doubles and a fresh project for one describe block: started in beforeAll, closed in afterAll. With `check`,
 * every test must leave no contract violation and no secret in the project's files, and nothing recorded in `sink`
 * may hold a secret.
 */
export function useDoubles(opts: { product?: boolean; lroPolls?: number; lroRetryAfterSeconds?: number; v1Issuer?: string; env?: Record<string, unknown>; check?: boolean } = {}): DoublesFixture {
  const { env, check, ...start } = opts;
  const f = { sink: [] as string[] } as { d: Doubles; root: string; sink: string[] };
  beforeAll(async () => {
    f.d = await startDoubles(start);
    f.root = makeProject(f.d, env);
  });
  afterAll(async () => {
    try {
      if (check) {
        const all = f.sink.join('\n');
        for (const s of f.d.secrets()) expect(all).not.toContain(s);
      }
    } finally {
      await f.d?.close();
    }
  });
  if (check) {
    afterEach(() => {
      expect(f.d.violations()).toEqual([]);
      expect(secretFiles(f.d, f.root)).toEqual([]);
    });
  }
  return f;
}

/** The env file for the doubles (a custom cloud, exactly what a private-cloud user writes). */
export function envJson(d: Doubles, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: './schema.json',
    cloud: {
      name: 'LoopbackDoubles',
      resourceManager: d.arm.url,
      resourceManagerAudience: 'https://management.azure.com',
      authorityHost: d.token.authorityHost,
      graph: d.graph.url,
      graphAudience: 'https://graph.microsoft.com',
      scmSuffix: 'scm.azurewebsites.net',
      scmEndpoint: d.scm.url,
      disableInstanceDiscovery: true,
    },
    subscriptionId: SUB,
    resourceGroup: RG,
    tenantId: TENANT,
    functionApp: APP,
    apimService: SVC,
    api: { id: 'employees', path: 'employees', displayName: 'Employee Directory' },
    entra: {
      apiApp: { displayName: 'Employee Directory API', uniqueName: 'ck-test-employees-api' },
      connectorApp: { displayName: 'Employee Directory connector', uniqueName: 'ck-test-employees-connector' },
    },
    ...extra,
  };
}

/** A fresh temp project: fixture package.json + dist, the repo's env schema and policy, and env `test`. */
export function makeProject(d: Doubles, extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-deploy-'));
  cpSync(path.join(__dirname, '../deploy/testdata/project'), dir, { recursive: true });
  const repo = path.resolve(__dirname, '../..');
  cpSync(path.join(repo, 'infra'), path.join(dir, 'infra'), { recursive: true });
  writeFileSync(path.join(dir, 'infra/environments/test.json'), JSON.stringify(envJson(d, extra), null, 2));
  return dir;
}

/**
 * Every file under the project `root` (connector/, .connectorkit/, dist/, infra/, … — node_modules and `exclude`
 * skipped) that holds one of `secrets`, as "<relative path>: secret #<index>" (never the value itself, so a failing
 * assertion cannot leak it). Files are read as bytes, so binary outputs (dist/app.zip) are covered too.
 */
export function secretsInFiles(root: string, secrets: string[], exclude: string[] = []): string[] {
  const skip = new Set(exclude.map((p) => path.resolve(root, p)));
  const needles = secrets.filter((s) => s.length > 0).map((s) => Buffer.from(s, 'utf8'));
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const ent of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, ent.name);
      if (ent.name === 'node_modules' || skip.has(full)) continue;
      if (ent.isDirectory()) walk(full);
      else if (ent.isFile()) {
        const bytes = readFileSync(full);
        needles.forEach((n, i) => bytes.includes(n) && found.push(`${path.relative(root, full).split(path.sep).join('/')}: secret #${i}`));
      }
    }
  };
  walk(root);
  return found;
}

/** `secretsInFiles` for the secrets of these doubles: what a deploy test asserts is `[]` after every deploy. */
export function secretFiles(d: Doubles, root: string, exclude: string[] = []): string[] {
  return secretsInFiles(root, d.secrets(), exclude);
}

/** Library-level options for a project (ClientSecretCredential against the token double; tiny retry delays). */
export function deployOptions(root: string, planOnly: boolean, more: Partial<DeployOptions> = {}): DeployOptions {
  const loaded = loadConfig({ cwd: root });
  const env = loadEnvironment(root, 'test');
  const credential = scrubbing(new ClientSecretCredential(TENANT, CLIENT_ID, CLIENT_SECRET, { authorityHost: env.cloud.authorityHost, disableInstanceDiscovery: true }));
  return {
    env,
    root,
    credential,
    planOnly,
    scope: loaded.config.auth.scope,
    config: loaded.config,
    specFile: path.join(root, 'dist/swagger.json'),
    zipFile: path.join(root, 'dist/app.zip'),
    connectorDir: path.join(root, 'connector'),
    retry: FAST_RETRY,
    ...more,
  };
}

/** Runs a library deploy, appending everything it reported (messages, steps, result or error) to `sink`. */
export function recordedDeploy(opts: DeployOptions, sink: string[]): Promise<DeployResult> {
  return recorded((io) => deploy(opts, io), renderDeploy, sink);
}

/** Environment for running the real CLI as a child process against the doubles. */
export function cliEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AZURE_TENANT_ID: TENANT,
    AZURE_CLIENT_ID: CLIENT_ID,
    AZURE_CLIENT_SECRET: CLIENT_SECRET,
    CONNECTORKIT_DEPLOY__RETRY: JSON.stringify(FAST_RETRY),
    NO_COLOR: '1',
  };
}
