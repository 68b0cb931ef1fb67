/**
 * Function keys for `--enable-auth` (as the host's SecretManager.GetAuthorizationLevelAsync):
 * the key comes from `x-functions-key`, or — only when that header is absent — from `?code=`; the master key
 * passes `admin` and `function`, the host function key passes `function`; anything else → 401.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Secret } from '../core/redact';
import type { HostKeys } from './types';

/** A key shaped like Azure's (base64url, 40+ characters). */
export function newKey(): string {
  return randomBytes(40).toString('base64url');
}

export function generateKeys(): HostKeys {
  return { master: new Secret(newKey()), function: new Secret(newKey()) };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The key a request presents: the header wins over the query parameter. */
export function presentedKey(headers: Record<string, string | string[] | undefined>, query: URLSearchParams): string | undefined {
  const h = headers['x-functions-key'];
  if (h !== undefined) return Array.isArray(h) ? h[0] : h;
  return query.get('code') ?? undefined;
}

/** Whether `key` satisfies `authLevel` with these keys. */
export function authorize(authLevel: string, key: string | undefined, keys: HostKeys): boolean {
  if (authLevel === 'anonymous') return true;
  if (!key) return false;
  if (same(key, keys.master.reveal())) return true;
  return authLevel === 'function' && same(key, keys.function.reveal());
}
