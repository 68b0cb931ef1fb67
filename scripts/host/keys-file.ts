/**
 * `--enable-auth` keys persisted in `.connectorkit/host-keys.json` (gitignored, mode 0600) so they survive
 * restarts and scripts can read them; they are never printed (every output host scrubs Secrets). Created
 * atomically and only if absent, so two `serve` processes starting at once share one set of keys.
 */
import { createIfAbsent, toJsonText, writeIfChanged } from '../core/fs';
import { Secret } from '../core/redact';
import { newKey } from './keys';
import type { HostKeys } from './types';

const fresh = () => toJsonText({ masterKey: newKey(), functionKey: newKey() });

function parse(text: string): HostKeys | undefined {
  try {
    const j = JSON.parse(text) as { masterKey?: unknown; functionKey?: unknown };
    if (typeof j.masterKey === 'string' && j.masterKey && typeof j.functionKey === 'string' && j.functionKey) return { master: new Secret(j.masterKey), function: new Secret(j.functionKey) };
  } catch {
    /* unreadable: replaced below */
  }
  return undefined;
}

export async function loadOrCreateKeys(file: string): Promise<HostKeys> {
  const { content } = await createIfAbsent(file, fresh, { mode: 0o600 });
  const keys = parse(content.toString('utf8'));
  if (keys) return keys;
  // A damaged file is replaced (atomically) rather than trusted; keys are cheap to rotate locally.
  const text = fresh();
  await writeIfChanged(file, text, { mode: 0o600 });
  return parse(text)!;
}
