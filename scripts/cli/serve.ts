/** `connectorkit serve`: build, start Azurite + the dev issuer, and serve dist/app on a local Functions host. */
import { defineCommand, Option } from './command';
import { CkError } from '../core/errors';
import type { LoadedConfig } from '../config';
import type { ServeProjectOptions } from '../serve';

export interface ServeFlags {
  port?: string;
  host?: string;
  enableAuth?: boolean;
  watch?: boolean;
  build?: boolean;
  devServices?: boolean;
}

/** Flags → config key paths (flags win over package.json and CONNECTORKIT_SERVE__*). */
export function serveFlagConfig(flags: ServeFlags): Record<string, unknown> {
  return {
    'serve.port': flags.port !== undefined ? Number(flags.port) : undefined,
    'serve.host': flags.host,
    'serve.enableAuth': flags.enableAuth ? true : undefined,
  };
}

/** serveProject options from the merged config (flags already applied) and the flags only serveProject reads. */
export function serveProjectOptions(loaded: LoadedConfig, flags: ServeFlags, signal: AbortSignal, build: boolean): ServeProjectOptions {
  const s = loaded.config.serve;
  return { port: s.port, host: s.host, enableAuth: s.enableAuth, build, watch: flags.watch === true, devServices: flags.devServices !== false, signal };
}

export const serveOptions = [
  new Option('--port <n>', 'port to listen on (default: config serve.port, 7071; 0 picks a free port)'),
  new Option('--host <address>', 'address to bind (default 127.0.0.1)'),
  new Option('--enable-auth', 'enforce authLevel function/admin with keys (off by default, as in Core Tools); keys in .connectorkit/host-keys.json'),
  new Option('--watch', 'rebuild and reload when files under functions/ change (the port stays open)'),
  new Option('--no-build', 'serve the existing dist/app without building first'),
  new Option('--no-dev-services', 'do not start Azurite and the dev token issuer'),
];

export const command = defineCommand<ServeFlags>({
  name: 'serve',
  handlesSignals: true,
  summary: 'Serve the Functions app locally (real @azure/functions, Azure host semantics), with Swagger UI and dev services.',
  description:
    'Builds (cached), starts Azurite and the dev OpenID issuer, then loads dist/app/main.js under the real @azure/functions library on a local ' +
    'Functions host: routePrefix, route constraints, function-name route precedence, 404/204/413/500, customHeaders, local.settings.json Values ' +
    'and CORS. Serves /api/swagger.json and the docs page /api/docs. Runs until Ctrl+C; --json prints one JSON document once listening.',
  options: serveOptions,
  examples: ['connectorkit serve', 'connectorkit serve --port 8080 --watch', 'connectorkit serve --enable-auth', 'connectorkit serve --no-build --json'],
  async run(_args, flags, ctx) {
    if (flags.port !== undefined && !/^\d+$/.test(flags.port)) throw new CkError({ code: 'CK_USAGE', message: `--port must be a number, got "${flags.port}".` });
    // Stages load inside run(): help and --version load every command module, and must not pull in the stage's dependencies.
    const { loadConfig } = require('../config') as typeof import('../config');
    const { serveProject } = require('../serve') as typeof import('../serve');
    const loaded = loadConfig({ cwd: ctx.cwd, flags: serveFlagConfig(flags) });
    await serveProject(loaded, ctx.io, serveProjectOptions(loaded, flags, ctx.signal, flags.build !== false));
  },
});
