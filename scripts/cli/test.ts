/** `connectorkit test`: the exported connector's operations called as the platform calls them, with checks. */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { defineCommand, Option } from './command';
import { CkError } from '../core/errors';
import '../connector-test/codes';

interface TestFlags {
  env?: string;
  baseUrl?: string;
  auth?: string;
  junit?: string;
  scenarios?: string;
  connector?: string;
  only?: string[];
  smoke?: boolean;
  anonymous?: boolean;
  connectionParameter?: string[];
}

export const command = defineCommand<TestFlags>({
  name: 'test',
  summary: 'Test the exported connector as the platform calls it: scenarios, smoke calls, schema checks, JUnit.',
  description:
    'Runs the connector folder against the running local host (default), a --base-url, or the deployed gateway (--env): policy templates ' +
    '(setheader, setqueryparameter, routerequesttoendpoint, dynamichosturl) and x-ms-url-encoding applied, x-ms-pageable followed to the end, ' +
    'x-ms-dynamic-values/x-ms-dynamic-schema resolved by calling their operations, each response checked against its schema. Scenarios are ' +
    'JSON files (functions/scenarios/*.json, schema scripts/connector-test/scenario.schema.json); an operation without one gets a GET-only smoke call. ' +
    'Prints one line per operation; exits 1 when any check fails.',
  options: [
    new Option('--env <name>', 'test the deployed gateway of infra/environments/<name>.json (token for the API app from the deploy credential)'),
    new Option('--base-url <url>', "send requests here instead of the definition's host/basePath (e.g. http://127.0.0.1:7071/api)"),
    new Option('--auth <kind>', 'credential for --env: cli, env, workload, managed-identity, interactive, github-oidc (default: DefaultAzureCredential)'),
    new Option('--junit <file>', 'write a JUnit XML report'),
    new Option('--scenarios <dir>', 'scenario folder').default('functions/scenarios'),
    new Option('--connector <dir>', 'connector folder (default: config connectorDir)'),
    new Option('--only <operationId...>', 'run only these operations'),
    new Option('--no-smoke', 'no smoke calls for operations without a scenario'),
    new Option('--anonymous', 'send no Authorization header'),
    new Option('--connection-parameter <name=value...>', "connection parameter values for policy expressions (@connectionParameters('name'))"),
  ],
  examples: ['npm start   # in another terminal, then:', 'connectorkit test', 'connectorkit test --junit reports/connector.xml --json', 'connectorkit test --env dev --auth cli'],
  async run(_args, flags, ctx) {
    const { loadConfig } = require('../config') as typeof import('../config');
    const { loadConnector, loadScenarios, runConnectorTests, resolveTarget, toJUnit } = require('../connector-test') as typeof import('../connector-test');
    const loaded = loadConfig({ cwd: ctx.cwd });
    const model = loadConnector(path.resolve(ctx.cwd, flags.connector ?? loaded.resolve(loaded.config.connectorDir)));
    const scenarios = loadScenarios(loaded.resolve(flags.scenarios ?? 'functions/scenarios'), model);
    const connectionParameters = Object.fromEntries((flags.connectionParameter ?? []).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    let deployed;
    if (flags.env) {
      const { loadEnvironment, createCredential } = require('../deploy') as typeof import('../deploy');
      const { readDeployOutputs } = require('../export') as typeof import('../export');
      const env = loadEnvironment(loaded.root, flags.env);
      const outputs = readDeployOutputs(loaded.root, flags.env)!.outputs;
      deployed = { host: outputs.host, basePath: outputs.basePath, apiAppIdUri: outputs.apiAppIdUri, credential: createCredential(flags.auth, env).credential, env: env.name };
    }
    const target = await resolveTarget({ loaded, ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}), noAuth: flags.anonymous === true, connectionParameters, ...(deployed ? { deployed } : {}) });
    ctx.io.log({ level: 'info', message: `Testing ${path.relative(ctx.cwd, model.dir) || '.'}/ (${model.operations.size} operations, ${scenarios.length} scenarios) against ${target.label}` });
    const report = await runConnectorTests({ model, scenarios, target, smoke: flags.smoke !== false, ...(flags.only ? { only: flags.only } : {}) }, ctx.io);
    for (const w of report.warnings) ctx.io.log({ level: 'warn', message: w });
    if (flags.junit) writeFileSync(path.resolve(ctx.cwd, flags.junit), toJUnit(report));
    const summary = `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped (${report.ms} ms) against ${report.target}`;
    if (report.failed) {
      const details = report.cases.flatMap((c) =>
        c.failures.map((f) => ({
          code: `CK_TEST_${f.check.toUpperCase().replace(/-/g, '_')}`,
          message: `${c.operationId} (${c.name}): ${f.message}`,
          target: `${c.operationId}${f.pointer !== undefined ? `#${f.pointer}` : ''}`,
        })),
      );
      throw new CkError({ code: 'CK_TEST_FAILED', message: `Connector test: ${summary}.`, details, data: { report } });
    }
    return { data: report, text: `Connector test: ${summary}.` };
  },
});
