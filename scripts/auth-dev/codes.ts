import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of the auth-dev stage (the local OpenID issuer and `connectorkit token`). */
export const AUTH_DEV_CODES = defineCodes('auth-dev', {
  CK_AUTH_DEV_NOT_LOOPBACK: {
    source: 'user',
    title: 'The dev token issuer only listens on the loopback interface.',
    hint: 'Use host 127.0.0.1 (or localhost/::1); the dev issuer signs tokens for anyone who asks and must never be reachable from the network.',
  },
  CK_AUTH_DEV_PORT_IN_USE: {
    source: 'user',
    title: 'The dev token issuer port is already in use.',
    hint: 'Stop the other process, or set connectorkit.serve.issuerPort (CONNECTORKIT_SERVE__ISSUER_PORT) to a free port.',
  },
  CK_AUTH_DEV_KEY_UNREADABLE: {
    source: 'user',
    title: 'The dev issuer signing key file cannot be read.',
    hint: 'Delete .connectorkit/dev-issuer/signing-key.json; a new key is created on the next start (old dev tokens stop working).',
  },
  CK_AUTH_DEV_BAD_ORIGIN: {
    source: 'user',
    title: 'An origin allowed to call the dev issuer is not a browser origin.',
    hint: 'List origins as scheme://host[:port] with no path, e.g. "http://localhost:5173" in connectorkit.serve.issuerCorsOrigins.',
  },
  CK_AUTH_DEV_BAD_REQUEST: {
    source: 'user',
    title: 'The dev token request is invalid.',
    hint: 'Check the flags: --scope takes space-separated scope names, --expires-in a duration like 3600, 90m or 2h.',
    httpStatus: 400,
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof AUTH_DEV_CODES> {}
}
