/**
 * Where the connector's OAuth client secret comes from — never the repository: a file outside the project
 * (--client-secret-file), the CK_CONNECTOR_CLIENT_SECRET variable (CI secret stores), or a Key Vault
 * secret read with the deploy credential. Every value is registered as a secret before anyone can print it.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { TokenCredential } from '@azure/core-auth';
import { CkError } from '../core/errors';
import { registerSecret } from '../core/redact';
import { bearerFetch } from '../deploy';
import './codes';

export const SECRET_ENV_VAR = 'CK_CONNECTOR_CLIENT_SECRET';

export interface SecretSourceInput {
  root: string;
  file?: string;
  env?: NodeJS.ProcessEnv;
  keyVaultUrl?: string;
  credential: TokenCredential;
}

/** A lazy reader (the secret is fetched only when connection parameters are written); undefined when no source is set. */
export function clientSecretSource(i: SecretSourceInput): (() => Promise<string | undefined>) | undefined {
  const env = i.env ?? process.env;
  if (i.file) {
    const abs = path.resolve(i.root, i.file);
    if (!path.relative(i.root, abs).startsWith('..'))
      throw new CkError({
        code: 'CK_PUBLISH_SECRET_SOURCE',
        message: `--client-secret-file ${i.file} is inside the project; secrets must never be in the repository.`,
        target: '--client-secret-file',
      });
    if (!existsSync(abs)) throw new CkError({ code: 'CK_PUBLISH_SECRET_SOURCE', message: `--client-secret-file ${i.file} does not exist.`, target: '--client-secret-file' });
    return async () => remember(readFileSync(abs, 'utf8').trim(), `--client-secret-file ${i.file}`);
  }
  if (env[SECRET_ENV_VAR]) return async () => remember(env[SECRET_ENV_VAR]!.trim(), SECRET_ENV_VAR);
  if (i.keyVaultUrl) {
    const url = new URL(i.keyVaultUrl);
    // Key Vault's token audience is its DNS suffix (vault.azure.net, vault.azure.cn, vault.usgovcloudapi.net).
    const suffix = /^[^.]+\.(vault\..+)$/.exec(url.hostname)?.[1];
    const audience = `https://${suffix ?? 'vault.azure.net'}`;
    let cached: string | undefined;
    return async () => {
      if (cached) return cached;
      const { res, text } = await bearerFetch(i.credential, audience, `${i.keyVaultUrl}?api-version=7.4`, { method: 'GET' });
      if (!res.ok)
        throw new CkError({
          code: 'CK_PUBLISH_SECRET_SOURCE',
          message: `Key Vault answered ${res.status} for ${url.origin}${url.pathname}: ${text.slice(0, 200)}`,
          target: 'powerPlatform.clientSecretKeyVaultUrl',
          hint: 'Give the deploy identity the Key Vault Secrets User role on the vault (or a get-secret access policy).',
        });
      cached = remember(String((JSON.parse(text) as { value?: string }).value ?? ''), 'Key Vault');
      return cached;
    };
  }
  return undefined;
}

function remember(value: string, from: string): string {
  if (!value) throw new CkError({ code: 'CK_PUBLISH_SECRET_SOURCE', message: `The client secret from ${from} is empty.` });
  registerSecret(value);
  return value;
}
