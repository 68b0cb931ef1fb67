/** `connectorkit trigger <operationId>`: watch a trigger fire against the local host (or any base URL), as a flow would. */
import { defineCommand, Option } from './command';
import '../triggers/codes';

interface TriggerFlags {
  baseUrl?: string;
  token?: string;
  auth?: boolean;
  count?: string;
  interval?: string;
  timeout?: string;
  spec?: string;
}

export const command = defineCommand<TriggerFlags>({
  name: 'trigger',
  args: '<operationId>',
  summary: 'Fire-test a trigger: subscribe a local receiver to a webhook, or poll a polling trigger, and print what a flow would get.',
  description:
    'Finds the trigger in dist/swagger.json by operationId. A webhook trigger (x-ms-trigger: single) is subscribed with a receiver on 127.0.0.1; ' +
    'each notification is printed with its signature check, and the subscription is removed when the command stops. A polling trigger ' +
    '(x-ms-trigger: batch) is polled following Location and Retry-After; each batch is printed. Calls carry a dev token (like `connectorkit token`) ' +
    'unless --token or --no-auth is given. Stops after --count events, --timeout, or Ctrl+C.',
  options: [
    new Option('--base-url <url>', 'API base including the route prefix (default: the local host, http://127.0.0.1:<serve.port>/api)'),
    new Option('--token <token>', 'bearer token to send instead of a dev token'),
    new Option('--no-auth', 'send no Authorization header'),
    new Option('--count <n>', 'stop after this many notifications or batches'),
    new Option('--interval <seconds>', 'polling: wait at most this long between polls (default: the Retry-After the API sends)'),
    new Option('--timeout <duration>', 'stop after this long: seconds or 90s, 10m, 1h'),
    new Option('--spec <file>', 'the Swagger file to find the trigger in (default: dist/swagger.json)'),
  ],
  handlesSignals: true,
  examples: [
    'connectorkit trigger OnEmployeeAdded',
    'connectorkit trigger OnEmployeeChanged --interval 5 --count 1',
    'connectorkit trigger OnEmployeeAdded --base-url https://contoso-employees.azure-api.net/api --token "$TOKEN"',
  ],
  async run(args, flags, ctx) {
    // Stages load inside run(): help and --version load every command module, and must not pull in the stage's dependencies.
    const { existsSync, readFileSync } = require('node:fs') as typeof import('node:fs');
    const { loadConfig } = require('../config') as typeof import('../config');
    const { CkError } = require('../core/errors') as typeof import('../core/errors');
    const { buildPaths } = require('../build') as typeof import('../build');
    const { findTrigger, runTrigger } = require('../triggers') as typeof import('../triggers');
    const { parseDuration } = require('../auth-dev') as typeof import('../auth-dev');
    const loaded = loadConfig({ cwd: ctx.cwd });
    const specFile = flags.spec ? loaded.resolve(flags.spec) : buildPaths(loaded).specFile;
    if (!existsSync(specFile)) throw new CkError({ code: 'CK_TRIGGER_SPEC_MISSING', message: `No spec at ${specFile}.` });
    const trigger = findTrigger(JSON.parse(readFileSync(specFile, 'utf8')), args[0]!);
    const count = positive(flags.count, '--count');
    const interval = flags.interval === undefined ? undefined : nonNegative(flags.interval, '--interval');
    let token = flags.token;
    if (!token && flags.auth !== false) {
      const { mintDevToken } = require('../auth-dev') as typeof import('../auth-dev');
      const { devKeyFile } = require('../dev-services') as typeof import('../dev-services');
      token = (await mintDevToken({ keyFile: devKeyFile(loaded), issuerPort: loaded.config.serve.issuerPort, scopes: [loaded.config.auth.scope], version: '2.0', expiresInSeconds: 3600 })).accessToken;
    }
    const baseUrl = (flags.baseUrl ?? `http://127.0.0.1:${loaded.config.serve.port}${loaded.config.api.basePath}`).replace(/\/+$/, '');
    const signal = flags.timeout ? AbortSignal.any([ctx.signal, AbortSignal.timeout(parseDuration(flags.timeout) * 1000)]) : ctx.signal;
    const r = await runTrigger(ctx.io, { trigger, baseUrl, token, count, intervalSeconds: interval, signal });
    const what = r.kind === 'webhook' ? 'notification' : 'batch';
    return {
      data: r,
      text: `${r.operationId}: ${r.events.length} ${what}${r.events.length === 1 ? '' : r.kind === 'webhook' ? 's' : 'es'}${r.kind === 'webhook' ? `; ${r.unsubscribed ? 'unsubscribed' : 'subscription NOT removed'}` : ''}.`,
    };

    function positive(v: string | undefined, name: string): number | undefined {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new CkError({ code: 'CK_USAGE', message: `${name} must be a whole number ≥ 1, not '${v}'.` });
      return n;
    }
    function nonNegative(v: string, name: string): number {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new CkError({ code: 'CK_USAGE', message: `${name} must be a number of seconds ≥ 0, not '${v}'.` });
      return n;
    }
  },
});
