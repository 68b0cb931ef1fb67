/**
 * `--enable-auth` keys persisted in `.connectorkit/host-keys.json` (gitignored, mode 0600) so they survive
 * restarts and scripts can read them; they are never printed (every output host scrubs Secrets).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Secret } from '../core/redact';
import { newKey } from './keys';
import type { HostKeys } from './types';

export function loadOrCreateKeys(file: string): HostKeys {
  if (existsSync(file)) {
    try {
      const j = JSON.parse(readFileSync(file, 'utf8')) as { masterKey?: unknown; functionKey?: unknown };
      if (typeof j.masterKey === 'string' && typeof j.functionKey === 'string') return { master: new Secret(j.masterKey), function: new Secret(j.functionKey) };
    } catch {
      /* unreadable: replace it */
    }
  }
  const masterKey = newKey();
  const functionKey = newKey();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ masterKey, functionKey }, null, 2) + '\n', { mode: 0o600 });
  return { master: new Secret(masterKey), function: new Secret(functionKey) };
}
