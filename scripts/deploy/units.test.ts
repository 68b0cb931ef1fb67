/** Unit tests of the deploy's pure parts: env loading, credentials, retry/backoff, comparison and error hints. */
import { mkdtempSync, writeFileSync, mkdirSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isCkError } from '../core/errors';
import { loadEnvironment, CLOUDS } from './environment';
import { createCredential } from './credential';
import { backoffMs, isTransient, needsReplan, withRetry, DEFAULT_RETRY } from './retry';
import { matches, diffProps, normaliseXml } from './compare';
import { toDeployError, AZURE_ERROR_HINTS } from './error-hints';
import { startTokenDouble } from '../testing/token-double/token-double';
import { stableGuid } from '../entra';
import { specOperations } from '../apim';
import { sampleEnvironment } from '../testing/sample-project';
import { SUB, TENANT } from '../testing/ids';
import { catchCkError } from '../testing/catch-ck-error';

const REPO = path.resolve(__dirname, '../..');

function project(env: Record<string, unknown>, name = 'x'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-env-'));
  mkdirSync(path.join(dir, 'infra/environments'), { recursive: true });
  cpSync(path.join(REPO, 'infra/environments/schema.json'), path.join(dir, 'infra/environments/schema.json'));
  writeFileSync(path.join(dir, `infra/environments/${name}.json`), JSON.stringify(env));
  return dir;
}

// The sample's env file with its placeholder subscription and tenant filled in (loadEnvironment refuses them).
const dev = () =>
  ({
    ...JSON.parse(readFileSync(path.join(REPO, 'infra/environments/dev.json'), 'utf8')),
    subscriptionId: SUB,
    tenantId: TENANT,
  }) as Record<string, any>;

describe('environment files', () => {
  it('refuses the sample dev env while it holds placeholders; filled in, it loads with the public cloud endpoints', () => {
    const refused = catchCkError(() => loadEnvironment(REPO, 'dev'));
    expect([refused.code, refused.target]).toEqual(['CK_DEPLOY_ENV_PLACEHOLDER', 'infra/environments/dev.json#subscriptionId']);
    expect(refused.message).toContain('subscriptionId (00000000-0000-0000-0000-000000000000) and tenantId (11111111-1111-1111-1111-111111111111) are placeholders');
    const env = sampleEnvironment();
    expect(env.cloud).toEqual(CLOUDS.AzureCloud);
    expect(env.file).toBe('infra/environments/dev.json');
    expect(env.entra.connectorIds).toEqual([]);
  });

  it.each(['AzureChinaCloud', 'AzureUSGovernment'])('resolves %s', (cloud) => {
    const env = loadEnvironment(project({ ...dev(), cloud }), 'x');
    expect(env.cloud.name).toBe(cloud);
    expect(env.cloud.resourceManager).toMatch(/^https:\/\/management\./);
  });

  it('resolves a custom cloud (audiences default to the endpoints)', () => {
    const env = loadEnvironment(
      project({
        ...dev(),
        cloud: {
          resourceManager: 'https://arm.contoso.local/',
          authorityHost: 'https://login.contoso.local',
          graph: 'https://graph.contoso.local',
          scmSuffix: 'scm.contoso.local',
          disableInstanceDiscovery: true,
        },
      }),
      'x',
    );
    expect(env.cloud).toMatchObject({ resourceManager: 'https://arm.contoso.local', resourceManagerAudience: 'https://arm.contoso.local', disableInstanceDiscovery: true });
    expect(env.cloud.v1IssuerBase).toBeUndefined();
  });

  const failure = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      return err as Error & { code: string; hint: string; target?: string; details: Array<{ code: string; message: string; target: string }> };
    }
    throw new Error('expected a failure');
  };

  it('reports every schema problem with its key path and the file, in words, under the stage code', () => {
    const e = failure(() =>
      loadEnvironment(project({ ...dev(), subscriptionId: 'nope', cloud: 'Mars', api: { id: 'a', displayName: 'A', pathh: 'x' }, entra: { ...dev().entra, connectorIds: 'x' } }), 'x'),
    );
    expect(isCkError(e) && e.code).toBe('CK_DEPLOY_ENV_INVALID');
    expect(e.hint).toContain('Fix the listed keys');
    expect(new Set(e.details.map((d) => d.code))).toEqual(new Set(['CK_DEPLOY_ENV_INVALID']));
    expect(e.details.map((d) => d.message).sort()).toEqual([
      'infra/environments/x.json: api.path is missing (required)',
      'infra/environments/x.json: api.pathh is not a known key (check its spelling and place; see infra/environments/schema.json)',
      'infra/environments/x.json: cloud must be "AzureCloud", "AzureChinaCloud", "AzureUSGovernment" or a custom endpoints object',
      'infra/environments/x.json: entra.connectorIds must be an array',
      expect.stringMatching(/^infra\/environments\/x\.json: subscriptionId must match the pattern /),
    ]);
    expect(e.details.find((d) => d.message.includes('pathh'))?.target).toBe('infra/environments/x.json#api.pathh');
    expect(e.message).toBe('infra/environments/x.json does not match infra/environments/schema.json (5 problems).');
  });

  it('a custom cloud object reports only its own keys, not the named-cloud branch', () => {
    const cloud = { resourceManager: 'http://arm.local', authorityHost: 'https://login.local', graph: 'https://graph.local', scmSufix: 'x' };
    const e = failure(() => loadEnvironment(project({ ...dev(), cloud }), 'x'));
    expect(e.details.map((d) => d.message.replace('infra/environments/x.json: ', '')).sort()).toEqual([
      'cloud.resourceManager must match the pattern ^https://',
      'cloud.scmSuffix is missing (required)',
      'cloud.scmSufix is not a known key (check its spelling and place; see infra/environments/schema.json)',
    ]);
  });

  it('a JSON syntax error names line and column, with a hint about syntax (not keys)', () => {
    const root = project({});
    writeFileSync(path.join(root, 'infra/environments/x.json'), '{\n  "subscriptionId": "s",\n  "tenantId" "t"\n}\n');
    const e = failure(() => loadEnvironment(root, 'x'));
    expect(e.code).toBe('CK_DEPLOY_ENV_INVALID');
    expect(e.message).toBe('infra/environments/x.json is not valid JSON: colon expected at line 3, column 14.');
    expect(e.hint).toBe('Fix the JSON syntax at infra/environments/x.json:3:14 (comments and trailing commas are not allowed), then re-run.');
    expect(e.hint).not.toContain('listed keys');
    writeFileSync(path.join(root, 'infra/environments/x.json'), '{ "a": 1, }');
    expect(failure(() => loadEnvironment(root, 'x')).message).toMatch(/not valid JSON: .* at line 1, column 11\.$/);
  });

  it('refuses a missing env file and a secret-looking key', () => {
    expect(() => loadEnvironment(REPO, 'nope')).toThrow(expect.objectContaining({ code: 'CK_DEPLOY_ENV_NOT_FOUND' }));
    expect(() => loadEnvironment(project({ ...dev(), apiKey: 'abc' }), 'x')).toThrow(expect.objectContaining({ code: 'CK_DEPLOY_ENV_INVALID' }));
  });
});

describe('credentials', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('DefaultAzureCredential honours AZURE_TOKEN_CREDENTIALS and the custom authority (token double)', async () => {
    const tid = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const t = await startTokenDouble({ tenantId: tid, clients: { 'c1c1c1c1-0000-4000-8000-000000000000': 'unit-secret-value' } });
    try {
      Object.assign(process.env, {
        AZURE_TOKEN_CREDENTIALS: 'EnvironmentCredential',
        AZURE_TENANT_ID: tid,
        AZURE_CLIENT_ID: 'c1c1c1c1-0000-4000-8000-000000000000',
        AZURE_CLIENT_SECRET: 'unit-secret-value',
      });
      const env = { ...sampleEnvironment(), tenantId: tid };
      env.cloud = { ...env.cloud, authorityHost: t.authorityHost, disableInstanceDiscovery: true };
      const { credential, name } = createCredential(undefined, env);
      expect(name).toBe('DefaultAzureCredential(EnvironmentCredential)');
      const tok = await credential.getToken('https://management.azure.com/.default');
      expect(tok?.token.split('.')).toHaveLength(3);
      process.env.AZURE_TOKEN_CREDENTIALS = 'NoSuchCredential';
      expect(() => createCredential(undefined, env)).toThrow(expect.objectContaining({ code: 'CK_DEPLOY_AUTH_INVALID' }));
      expect(() => createCredential('password', env)).toThrow(expect.objectContaining({ code: 'CK_DEPLOY_AUTH_INVALID' }));
      expect(createCredential('cli', env).name).toBe('AzureCliCredential');
    } finally {
      await t.close();
    }
  });
});

describe('retry policy', () => {
  it('backs off exponentially with full jitter, never below Retry-After, capped', () => {
    const o = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 5000 };
    expect(backoffMs(0, o, undefined, () => 0.999)).toBe(99);
    expect(backoffMs(3, o, undefined, () => 0.999)).toBe(799);
    expect(backoffMs(0, o, 3000, () => 0)).toBe(3000);
    expect(backoffMs(10, o, 60_000, () => 1)).toBe(5000);
  });

  it('classifies transient failures and re-plan conflicts', () => {
    const rest = (statusCode: number, code?: string) => ({ statusCode, code, details: code ? { error: { code } } : undefined });
    expect(isTransient(rest(429))).toBe(true);
    expect(isTransient(rest(503))).toBe(true);
    expect(isTransient(Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } }))).toBe(true);
    expect(isTransient(rest(400, 'ValidationError'))).toBe(false);
    expect(needsReplan(rest(409, 'PessimisticConcurrencyConflict'))).toBe(true);
    expect(needsReplan(rest(412, 'PreconditionFailed'))).toBe(true);
    expect(needsReplan(rest(409, 'Conflict'))).toBe(true);
    expect(needsReplan(rest(403, 'AuthorizationFailed'))).toBe(false);
  });

  it('honours Retry-After from the response headers and keeps backoff within its bounds', async () => {
    const asked: number[] = [];
    const record = async (ms: number) => {
      asked.push(ms);
    };
    const headers = (v: string) => ({ get: (h: string) => (h === 'retry-after' ? v : undefined) });
    let n = 0;
    // attempt 0: 429 Retry-After 3s; attempt 1: 503 Retry-After 0.05s; attempt 2: 500 without Retry-After; then success.
    const failures = [{ statusCode: 429, response: { headers: headers('3') } }, { statusCode: 503, response: { headers: headers('0.05') } }, { statusCode: 500 }];
    const o = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 10_000, sleep: record };
    const stats = { retries: 0 };
    await expect(
      withRetry(
        async () => {
          if (n < failures.length) throw failures[n++];
          return 'ok';
        },
        o,
        stats,
      ),
    ).resolves.toBe('ok');
    expect(stats.retries).toBe(3);
    expect(asked).toHaveLength(3);
    expect(asked[0]).toBeGreaterThanOrEqual(3000);
    expect(asked[1]).toBeGreaterThanOrEqual(50);
    // Full jitter: attempt k waits in [0, min(max, base * 2^k)).
    expect(asked[1]).toBeLessThanOrEqual(Math.max(50, 100 * 2 ** 1));
    expect(asked[2]).toBeGreaterThanOrEqual(0);
    expect(asked[2]).toBeLessThan(100 * 2 ** 2);
    for (const ms of asked) expect(ms).toBeLessThanOrEqual(o.maxDelayMs);
  });

  it('caps a Retry-After above maxDelayMs and gives up after the last attempt', async () => {
    const asked: number[] = [];
    const o = {
      ...DEFAULT_RETRY,
      attempts: 3,
      baseDelayMs: 10,
      maxDelayMs: 2000,
      sleep: async (ms: number) => {
        asked.push(ms);
      },
    };
    const err = { statusCode: 429, response: { headers: { get: (h: string) => (h === 'retry-after' ? '120' : undefined) } } };
    await expect(
      withRetry(async () => {
        throw err;
      }, o),
    ).rejects.toBe(err);
    expect(asked).toEqual([2000, 2000]);
  });
});

describe('desired-vs-current comparison', () => {
  it('ignores server-added fields and array order, sees real changes', () => {
    expect(matches({ a: 1, l: ['x', 'y'] }, { a: 1, id: 'srv', etag: 'e', l: ['y', 'x'] })).toBe(true);
    expect(matches({ l: [{ id: 1 }] }, { l: [{ id: 1, extra: true }] })).toBe(true);
    expect(diffProps({ a: 1, b: { c: 2 } }, { a: 1, b: { c: 3 } })).toEqual([{ path: 'b.c', from: 3, to: 2 }]);
    expect(normaliseXml('<a>\n  <b />\n</a>')).toBe(normaliseXml('<a><b/></a>'));
  });

  it('derives stable scope ids and APIM operation names', () => {
    expect(stableGuid('x')).toBe(stableGuid('x'));
    expect(stableGuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(specOperations({ paths: { '/a': { get: { operationId: 'List_Employees' }, post: { operationId: 'CreateEmployee' } } } })).toEqual(['createemployee', 'list-employees']);
  });
});

describe('Azure error → hint table', () => {
  const env = sampleEnvironment();
  it('AuthorizationFailed names the missing role and the scope', () => {
    const e = toDeployError({ statusCode: 403, code: 'AuthorizationFailed', message: 'denied' }, { resource: 'APIM backend b', scope: '/subscriptions/s/rg/x' }, env);
    expect(e.code).toBe('CK_DEPLOY_AUTHORIZATION_FAILED');
    expect(e.hint).toBe('Assign the role API Management Service Contributor to the deploy identity on scope /subscriptions/s/rg/x, then re-run.');
  });
  it('ResourceNotFound names the env key and file', () => {
    const e = toDeployError({ statusCode: 404, code: 'ResourceNotFound', message: 'x' }, { resource: 'APIM service s', envKey: 'apimService' }, env);
    expect(e.hint).toContain('key apimService in infra/environments/dev.json');
  });
  it('maps Graph, timeouts and unknown codes', () => {
    expect(toDeployError({ status: 403, azureCode: 'Authorization_RequestDenied', message: 'x' }, { resource: 'Entra app' }, env).code).toBe('CK_DEPLOY_GRAPH_FORBIDDEN');
    expect(toDeployError(Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }), { resource: 'APIM API a' }, env).code).toBe('CK_DEPLOY_TIMEOUT');
    expect(toDeployError({ statusCode: 400, code: 'Weird', message: 'x' }, { resource: 'r' }, env).code).toBe('CK_DEPLOY_AZURE_ERROR');
    expect(toDeployError({ statusCode: 503, code: 'ServiceUnavailable', message: 'x' }, { resource: 'r' }, env).code).toBe('CK_DEPLOY_TRANSIENT_EXHAUSTED');
    expect(Object.keys(AZURE_ERROR_HINTS).length).toBeGreaterThan(10);
  });
});
