import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { KeySet, loadOrCreateKey } from './keys';

describe('loadOrCreateKey', () => {
  it('two callers creating the key at once get the same key; the file is 0600', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ck-devkey-')), 'dev-issuer', 'signing-key.json');
    const [a, b] = await Promise.all([loadOrCreateKey(new KeySet(), file), loadOrCreateKey(new KeySet(), file)]);
    expect(b.kid).toBe(a.kid);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).privateJwk.d).toBeDefined();
    expect((await loadOrCreateKey(new KeySet(), file)).kid).toBe(a.kid); // reloads, does not replace
  });
});
