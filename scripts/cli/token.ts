/** `connectorkit token`: prints one dev access token for the local API (signed by the dev issuer's key). */
import { defineCommand, Option } from './command';

interface TokenFlags {
  scope?: string;
  role?: string[];
  v1?: boolean;
  expiresIn?: string;
}

export const command = defineCommand<TokenFlags>({
  name: 'token',
  summary: 'Print a dev access token for the local API (Entra-shaped, from the dev issuer of `serve`).',
  description:
    'Mints an Entra-shaped access token (v2 by default, v1 with --v1) for the dev user, signed with the dev issuer key in .connectorkit/dev-issuer/. ' +
    'The API run by `connectorkit serve` accepts it. The token is the only output on stdout; it is a local development token and grants nothing in Azure.',
  options: [
    new Option('--scope <scopes>', 'delegated scope(s), space-separated (default: config auth.scope, "user_impersonation")'),
    new Option('--role <role...>', 'app role(s) to put in the roles claim'),
    new Option('--v1', 'mint a v1.0 token (iss https://…/{tid}/, aud api://{appId}, appid/upn claims)'),
    new Option('--expires-in <duration>', 'lifetime: seconds or 90m, 2h, 1d (max 24 h)').default('1h'),
  ],
  examples: [
    'connectorkit token',
    'curl -H "Authorization: Bearer $(connectorkit token)" http://127.0.0.1:7071/api/employees/E000123',
    'connectorkit token --v1 --expires-in 10m',
    'connectorkit token --scope Other.Read   # a token the API answers with 403',
    'connectorkit token --json',
  ],
  async run(_args, flags, ctx) {
    // Stages load inside run(): help and --version load every command module, and must not pull in the stage's dependencies.
    const { loadConfig } = require('../config') as typeof import('../config');
    const { mintDevToken, parseDuration } = require('../auth-dev') as typeof import('../auth-dev');
    const { devKeyFile } = require('../dev-services') as typeof import('../dev-services');
    const loaded = loadConfig({ cwd: ctx.cwd });
    const scopes = (flags.scope ?? loaded.config.auth.scope).split(/[ ,]+/).filter(Boolean);
    const token = await mintDevToken({
      keyFile: devKeyFile(loaded),
      issuerPort: loaded.config.serve.issuerPort,
      scopes,
      roles: flags.role,
      version: flags.v1 ? '1.0' : '2.0',
      expiresInSeconds: parseDuration(flags.expiresIn ?? '1h'),
    });
    return { data: token, text: token.accessToken };
  },
});
