import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decodeJwt } from 'jose';
import { mintDevToken } from './dev-token';
import { readRunningIssuer, removeRunningIssuer, runningIssuerFile, writeRunningIssuer } from './running-issuer';

const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('running issuer file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-running-'));
  const keyFile = path.join(dir, 'signing-key.json');
  const file = runningIssuerFile(keyFile);
  const mint = (issuerPort: number) => mintDevToken({ keyFile, issuerPort, scopes: ['user_impersonation'], version: '2.0', expiresInSeconds: 600 });

  it('sits beside the key; a live pid wins over the configured port', async () => {
    expect(file).toBe(path.join(dir, 'running.json'));
    await writeRunningIssuer(file, { url: 'http://127.0.0.1:45678', pid: process.pid });
    expect(readRunningIssuer(file)).toEqual({ url: 'http://127.0.0.1:45678', pid: process.pid });
    const t = await mint(7072);
    expect(t.issuerSource).toBe('running');
    expect(decodeJwt(t.accessToken).iss).toMatch(/^http:\/\/127\.0\.0\.1:45678\/[^/]+\/v2\.0$/);
    expect(t.issuer).toBe(decodeJwt(t.accessToken).iss);
    // issuerPort 0 (a random port) is fine while an issuer runs: its URL is known.
    expect((await mint(0)).issuerSource).toBe('running');
  });

  it('ignores a file left by a dead process, or an unreadable one, and falls back to the config port', async () => {
    writeFileSync(file, JSON.stringify({ url: 'http://127.0.0.1:45678', pid: deadPid() }));
    expect(readRunningIssuer(file)).toBeUndefined();
    const t = await mint(7072);
    expect(t.issuerSource).toBe('config');
    expect(decodeJwt(t.accessToken).iss).toMatch(/^http:\/\/127\.0\.0\.1:7072\//);
    await expect(mint(0)).rejects.toMatchObject({ code: 'CK_AUTH_DEV_BAD_REQUEST' });
    writeFileSync(file, '{not json');
    expect(readRunningIssuer(file)).toBeUndefined();
  });

  it('removes the file only for the process that wrote it', async () => {
    await writeRunningIssuer(file, { url: 'http://127.0.0.1:1', pid: process.pid });
    removeRunningIssuer(file, process.pid + 1);
    expect(existsSync(file)).toBe(true);
    removeRunningIssuer(file);
    expect(existsSync(file)).toBe(false);
  });
});
