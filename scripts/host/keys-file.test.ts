import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadOrCreateKeys } from './keys-file';

describe('loadOrCreateKeys (.connectorkit/host-keys.json)', () => {
  const file = () => path.join(mkdtempSync(path.join(tmpdir(), 'ck-hostkeys-')), '.connectorkit', 'host-keys.json');

  it('two callers creating the keys at once get the same keys; the file is 0600 and reloads', async () => {
    const f = file();
    const [a, b] = await Promise.all([loadOrCreateKeys(f), loadOrCreateKeys(f)]);
    expect(b.function.reveal()).toBe(a.function.reveal());
    expect(b.master.reveal()).toBe(a.master.reveal());
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(f, 'utf8')).functionKey).toBe(a.function.reveal());
    expect((await loadOrCreateKeys(f)).master.reveal()).toBe(a.master.reveal());
  });

  it('replaces a damaged file atomically, still 0600', async () => {
    const f = file();
    await loadOrCreateKeys(f);
    writeFileSync(f, '{"masterKey": 1}', { mode: 0o644 });
    const k = await loadOrCreateKeys(f);
    expect(JSON.parse(readFileSync(f, 'utf8')).masterKey).toBe(k.master.reveal());
    expect(statSync(f).mode & 0o777).toBe(0o600);
  });
});
