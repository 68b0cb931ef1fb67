/** Fixture auth module: scheme `key` takes header x-key: good; scheme `token` takes `Bearer t-<scope>`. */
import type { HttpRequest } from '@azure/functions';
import { HttpError } from 'connectorkit/runtime';

/** The @Security names authenticate() handles (the build checks every @Security against them). */
export const securityNames = ['key', 'token'] as const;

export async function authenticate(request: HttpRequest, securityName: string, scopes: string[]): Promise<unknown> {
  if (securityName === 'key') {
    if (request.headers.get('x-key') === 'good') return { via: 'key' };
    throw new HttpError(401, 'FIXTURE_BAD_KEY', 'A valid x-key is required.', { headers: { 'WWW-Authenticate': 'Key' } });
  }
  if (securityName === 'token') {
    const auth = request.headers.get('authorization') ?? '';
    if (!auth.startsWith('Bearer t-')) throw new HttpError(401, 'FIXTURE_BAD_TOKEN', 'A bearer token is required.', { headers: { 'WWW-Authenticate': 'Bearer' } });
    const scope = auth.slice('Bearer t-'.length);
    if (!scopes.every((s) => s === scope)) throw new HttpError(403, 'FIXTURE_SCOPE', `Scope ${scopes.join(' ')} is required.`);
    return { via: 'token', scope };
  }
  throw new Error(`unknown security scheme ${securityName}`);
}
