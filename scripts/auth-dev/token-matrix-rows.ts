/**
 * The rejected rows of the token matrix (issue 3), shared by the runtime Entra check's unit test (scripts/runtime/entra/entra-auth.test.ts)
 * and the same matrix over HTTP (scripts/dev-services/token-matrix.test.ts), so both check the same tokens.
 * Test-only: not exported from ./index.
 */
import { SignJWT, base64url } from 'jose';
import type { DevIssuer } from './issuer';

/** `[name, Authorization header to send (undefined: none), expected status, expected \`check=\` in the auth log]`. */
export type TokenMatrixRow = [name: string, make: (issuer: DevIssuer) => Promise<string | undefined>, status: 401 | 403, check: string];

const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
const bearer = async (t: Promise<string>) => `Bearer ${await t}`;

/** Tokens every auth path must refuse with 401 invalid_token. */
export const REJECTED_TOKENS: TokenMatrixRow[] = [
  ['missing', async () => undefined, 401, 'missing'],
  ['not a bearer header', async () => 'Basic dXNlcjpwYXNz', 401, 'malformed'],
  ['malformed', async () => 'Bearer not.a-jwt', 401, 'malformed'],
  ['expired', (i) => bearer(i.mint({ expiresIn: -3600 })), 401, 'expired'],
  ['not yet valid', (i) => bearer(i.mint({ notBeforeIn: 3600 })), 401, 'not_yet_valid'],
  ['wrong audience', (i) => bearer(i.mint({ audience: 'api://00000000-0000-0000-0000-000000000000' })), 401, 'audience'],
  ['wrong issuer', (i) => bearer(i.mint({ issuer: 'https://login.microsoftonline.com/evil/v2.0' })), 401, 'issuer'],
  ['wrong tenant (issuer of another tenant)', (i) => bearer(i.mint({ tenantId: OTHER_TENANT })), 401, 'issuer'],
  ['wrong tenant (tid claim)', (i) => bearer(i.mint({ claims: { tid: OTHER_TENANT } })), 401, 'tenant'],
  ['alg none', async (i) => `Bearer ${unsecured(await i.mint())}`, 401, 'algorithm'],
  ['HS256', async (i) => `Bearer ${await hs256(await i.mint())}`, 401, 'algorithm'],
  // Signed with the trusted key but outside the bounds Entra's tokens keep (docs/auth.md "Token policy").
  ['lifetime of 100 years', (i) => bearer(i.mint({ expiresIn: 100 * 365 * 24 * 3600 })), 401, 'lifetime'],
  ['lifetime of 1 day + 1 h', (i) => bearer(i.mint({ expiresIn: 25 * 3600, claims: { iat: now(), nbf: now() } })), 401, 'lifetime'],
  ['iat in the future', (i) => bearer(i.mint({ claims: { iat: now() + 3600 } })), 401, 'issued_in_future'],
  ['no iat', (i) => bearer(i.mint({ claims: { iat: undefined } })), 401, 'claims'],
  ['ver 1.0 with a v2.0 issuer', (i) => bearer(i.mint({ version: '2.0', claims: { ver: '1.0' } })), 401, 'version'],
  ['ver 2.0 with a v1.0 issuer', (i) => bearer(i.mint({ version: '1.0', claims: { ver: '2.0' } })), 401, 'version'],
  ['no ver', (i) => bearer(i.mint({ claims: { ver: undefined } })), 401, 'version'],
];

const now = () => Math.floor(Date.now() / 1000);

/** The same claims as an unsecured JWT (`alg: none`). */
function unsecured(token: string): string {
  const [, payload] = token.split('.');
  return `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`;
}

/** The same claims signed HS256 (key-confusion attempt). */
async function hs256(token: string): Promise<string> {
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode('a-shared-secret-that-must-not-work-32b'));
}
