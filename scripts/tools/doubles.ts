/**
 * `npm run doubles -- --project <dir>`: the contract-checked doubles the tests deploy against (ARM, Graph, SCM, the
 * token authority, Dataverse), started on 127.0.0.1 and left running, so `up`, `deploy`, `publish` and `down` can be
 * walked by hand as a user runs them. The subscription starts empty. The project gets an env file
 * (infra/environments/doubles.json): its dev.json pointed at the doubles through a custom cloud, exactly the keys
 * a sovereign-cloud user sets. Ctrl-C stops the doubles, prints what they saw (requests, writes, contract
 * violations) and removes that env file. A repository tool: the doubles are not part of the package.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadEnvironment, normaliseLocation, resolveNames } from '../deploy';
import { CLIENT_ID, CLIENT_SECRET, SUB, TENANT, envJson, startDoubles } from '../testing/deploy-harness';
import { startDataverseDouble } from '../testing/dataverse-double/dataverse-double';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the test CA helper is CommonJS (npm test loads it before TypeScript)
const { ensureTestCa } = require('../testing/tls/test-ca.js') as { ensureTestCa(): Promise<{ certFile: string }> };

// The custom cloud's name marks the env files this tool wrote (the schema has no room for a comment).
const MARK = 'npm-run-doubles';
const SOLUTION = 'ConnectorKitDoubles';
const USAGE = `Usage: npm run doubles -- [--project <dir>] [--env <name>] [--json]

Starts the ARM, Graph, SCM, token-authority and Dataverse doubles on 127.0.0.1 (an empty subscription) and writes
<project>/infra/environments/<name>.json (default: doubles) pointing at them. Prints the variables the CLI needs,
then runs until Ctrl-C. --json prints one line {"ready":true,…} instead of the instructions.`;

interface Args {
  project: string;
  env: string;
  json: boolean;
}

class UsageError extends Error {}

/** An env file as JSON: the keys this tool reads or sets, the rest passed through. */
type EnvDoc = Record<string, unknown> & { location?: unknown; api?: Record<string, unknown>; apim?: Record<string, unknown>; cloud?: unknown };

function parseArgs(argv: string[]): Args | undefined {
  const a: Args = { project: process.cwd(), env: 'doubles', json: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    if (k === '--help' || k === '-h') return undefined;
    else if (k === '--json') a.json = true;
    else if (k === '--project' || k === '--env') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw new UsageError(`${k} needs a value.`);
      a[k === '--project' ? 'project' : 'env'] = v;
    } else throw new UsageError(`Unknown argument ${k}.`);
  }
  if (!/^[A-Za-z0-9._-]+$/.test(a.env)) throw new UsageError(`--env ${a.env}: use letters, digits, '.', '_' and '-' only (it names infra/environments/<name>.json).`);
  a.project = path.resolve(a.project);
  if (!existsSync(path.join(a.project, 'package.json'))) throw new UsageError(`${a.project} has no package.json: pass --project <the project's folder>.`);
  return a;
}

/**
 * The project's dev.json (its API, Entra apps, location, resource names and APIM settings), without what points at
 * a real tenant or at resources the empty subscription of the doubles does not have.
 */
function baseEnv(project: string): EnvDoc {
  const dev = path.join(project, 'infra/environments/dev.json');
  if (!existsSync(dev)) return {};
  const {
    $schema: _s,
    cloud: _c,
    subscriptionId: _sub,
    tenantId: _t,
    resourceGroup: _rg,
    functionApp: _fa,
    apimService: _svc,
    product: _p,
    powerPlatform: _pp,
    ...rest
  } = JSON.parse(readFileSync(dev, 'utf8')) as EnvDoc;
  return rest;
}

export async function main(argv: string[]): Promise<number> {
  let args: Args | undefined;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`npm run doubles: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (!args) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = path.join(args.project, 'infra/environments', `${args.env}.json`);
  if (existsSync(file) && !readFileSync(file, 'utf8').includes(`"${MARK}"`)) {
    process.stderr.write(`npm run doubles: ${file} exists and was not written by this tool; pass another --env.\n`);
    return 2;
  }
  const { certFile } = await ensureTestCa();
  const base = baseEnv(args.project);
  const location = normaliseLocation(typeof base.location === 'string' ? base.location : 'westeurope');
  const api = { id: 'employees', path: 'employees', displayName: 'Employees', ...base.api };
  // The names deploy will resolve for this env file (the SCM double serves the Function App of that name).
  const names = resolveNames(SUB, args.env, location, { ...base, api })!.names;
  const d = await startDoubles({ empty: true, siteName: names.functionApp, arm: { apimServicePolls: 2, principalReplicationLag: 1 } });
  const dv = await startDataverseDouble({ applicationUsers: [CLIENT_ID], solutions: [{ uniquename: SOLUTION }] });
  // From here on, every way out removes the env file (a signal, an error, the end of the process).
  const removeEnvFile = () => rmSync(file, { force: true });
  process.once('exit', removeEnvFile);
  const stopped = new Promise<void>((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(sig, () => resolve());
  });
  const schema = path.relative(path.dirname(file), path.resolve(__dirname, '../../infra/environments/schema.json')).split(path.sep).join('/');
  const env: EnvDoc = {
    ...envJson(d),
    $schema: schema,
    resourceGroup: undefined,
    functionApp: undefined,
    apimService: undefined,
    ...base,
    location,
    api,
    apim: { publisherEmail: 'api-team@contoso.example', ...base.apim },
    powerPlatform: { environmentUrl: dv.url, solution: SOLUTION },
  };
  env.cloud = { ...(env.cloud as Record<string, unknown>), name: MARK };
  writeFileSync(file, `${JSON.stringify(env, null, 2)}\n`);
  try {
    // What every command will read: the schema, the placeholder check, the same names.
    const loaded = loadEnvironment(args.project, args.env);
    if (loaded.functionApp !== names.functionApp) throw new Error(`the env file resolves Function App ${loaded.functionApp}, the SCM double serves ${names.functionApp}`);
  } catch (e) {
    removeEnvFile();
    await Promise.all([d.close(), dv.close()]);
    process.stderr.write(`npm run doubles: the env file it wrote does not load: ${(e as Error).message}\n`);
    return 1;
  }
  // The doubles' own fake credential (the token double accepts only it) and the trust for their loopback CA.
  const vars: Record<string, string> = {
    NODE_EXTRA_CA_CERTS: certFile,
    AZURE_TENANT_ID: TENANT,
    AZURE_CLIENT_ID: CLIENT_ID,
    AZURE_CLIENT_SECRET: CLIENT_SECRET,
    CK_CONNECTOR_CLIENT_SECRET: 'doubles-connector-secret',
    CONNECTORKIT_DEPLOY__RETRY: JSON.stringify({ attempts: 8, baseDelayMs: 50, maxDelayMs: 500, pollIntervalMs: 200, lroTimeoutMs: 60_000 }),
  };
  const rel = path.relative(process.cwd(), file) || file;
  if (args.json) process.stdout.write(`${JSON.stringify({ ready: true, envFile: file, env: args.env, vars, names })}\n`);
  else {
    const q = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;
    process.stdout.write(
      [
        `Doubles running on 127.0.0.1: ARM ${d.arm.url}, Graph ${d.graph.url}, SCM ${d.scm.url}, token ${d.token.authorityHost}, Dataverse ${dv.url}.`,
        `Env file: ${rel} (empty subscription; Function App will be ${names.functionApp}).`,
        '',
        'In another shell, in the project:',
        ...Object.entries(vars).map(([k, v]) => `  export ${k}=${q(v)}`),
        `  npm exec --no -- connectorkit up --env ${args.env} --auth env --plan`,
        `  npm exec --no -- connectorkit up --env ${args.env} --auth env --yes`,
        `  npm exec --no -- connectorkit down --env ${args.env} --auth env --plan`,
        '',
        'Ctrl-C stops the doubles and removes the env file.',
        '',
      ].join('\n'),
    );
  }
  await stopped;
  const violations = [...d.violations(), ...dv.violations];
  const summary = {
    requests: { arm: d.arm.requests.length, graph: d.graph.requests.length, scm: d.scm.requests.length, dataverse: dv.requests.length },
    writes: { ...d.writes(), dataverse: dv.writes() },
    violations,
  };
  removeEnvFile();
  await Promise.all([d.close(), dv.close()]);
  process.stdout.write(args.json ? `${JSON.stringify({ stopped: true, ...summary })}\n` : `\nStopped. ${JSON.stringify(summary)}\n`);
  return violations.length ? 1 : 0;
}
