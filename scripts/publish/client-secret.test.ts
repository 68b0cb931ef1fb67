/** Where the connector client secret may come from: a file outside the project, the variable, or Key Vault. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { catchCkError } from '../testing/catch-ck-error';
import { fakeJwt } from '../testing/doubles-common';
import { startDoubleServer } from '../testing/graph-double/double-server';
import { scrub } from '../core/redact';
import { clientSecretSource, SECRET_ENV_VAR } from './client-secret';

const credential = { getToken: async (scope: string | string[]) => ({ token: fakeJwt({ aud: String(scope).replace('/.default', '') }), expiresOnTimestamp: Date.now() + 60_000 }) };

describe('connector client secret sources', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'ck-secret-root-'));

  it('reads a file outside the project and refuses one inside it', async () => {
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'ck-secret-')), 's.txt');
    writeFileSync(outside, 'from-file-Secret-1\n');
    const read = clientSecretSource({ root, file: outside, env: {}, credential })!;
    expect(await read()).toBe('from-file-Secret-1');
    expect(scrub('x from-file-Secret-1 y')).not.toContain('from-file-Secret-1');
    writeFileSync(path.join(root, 'inside.txt'), 'x');
    expect(catchCkError(() => clientSecretSource({ root, file: 'inside.txt', env: {}, credential })).code).toBe('CK_PUBLISH_SECRET_SOURCE');
  });

  it('reads the variable, and is absent when nothing is configured', async () => {
    expect(await clientSecretSource({ root, env: { [SECRET_ENV_VAR]: 'from-env-Secret-2' }, credential })!()).toBe('from-env-Secret-2');
    expect(clientSecretSource({ root, env: {}, credential })).toBeUndefined();
  });

  it('reads a Key Vault secret with a token for the vault audience', async () => {
    const kv = await startDoubleServer(
      (req) => {
        const aud = JSON.parse(Buffer.from(String(req.headers.authorization).split('.')[1]!, 'base64url').toString()).aud;
        if (req.url.pathname === '/secrets/conn' && req.url.searchParams.get('api-version') === '7.4' && aud === 'https://vault.azure.net')
          return { status: 200, body: { value: 'from-kv-Secret-3', id: `${req.url.origin}/secrets/conn/0` } };
        return { status: 403, body: { error: { code: 'Forbidden', message: `aud ${aud}` } } };
      },
      (status, code, message) => ({ error: { code, message } }),
    );
    try {
      expect(await clientSecretSource({ root, env: {}, keyVaultUrl: `${kv.url}/secrets/conn`, credential })!()).toBe('from-kv-Secret-3');
      const denied = clientSecretSource({ root, env: {}, keyVaultUrl: `${kv.url}/secrets/other`, credential })!;
      expect((await catchCkError(() => denied())).code).toBe('CK_PUBLISH_SECRET_SOURCE');
    } finally {
      await kv.close();
    }
  });
});
