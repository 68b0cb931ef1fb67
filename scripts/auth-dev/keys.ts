/**
 * The dev issuer's RS256 signing keys. The active key signs; published keys appear in the JWKS. A key can be
 * created unpublished and published later — that is how tests rotate keys (an unknown `kid` first, then a JWKS
 * that contains it). The active key can be persisted so `connectorkit token` and `serve` share it across processes.
 */
import { createHash } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { CkError } from '../core/errors';
import { createIfAbsent, toJsonText } from '../core/fs';
import './codes';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  published: boolean;
}

export class KeySet {
  private readonly keys: SigningKey[] = [];
  private active?: string;

  /** Creates a fresh key. `activate` makes it sign new tokens; `publish` puts it in the JWKS. */
  async create(opts: { publish?: boolean; activate?: boolean } = {}): Promise<SigningKey> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    return this.add(privateKey, await exportJWK(publicKey), opts);
  }

  add(privateKey: CryptoKey, publicJwk: JWK, opts: { publish?: boolean; activate?: boolean } = {}): SigningKey {
    const kid = thumbprintKid(publicJwk);
    const key: SigningKey = { kid, privateKey, publicJwk: { ...publicJwk, kid, use: 'sig', alg: 'RS256', kty: 'RSA' }, published: opts.publish ?? true };
    this.keys.push(key);
    if (opts.activate ?? true) this.active = kid;
    return key;
  }

  publish(kid: string): void {
    this.get(kid).published = true;
  }

  /** Removes a key from the JWKS (tokens signed with it stop validating after the verifier refetches). */
  retire(kid: string): void {
    this.get(kid).published = false;
  }

  get(kid?: string): SigningKey {
    const k = this.keys.find((x) => x.kid === (kid ?? this.active));
    if (!k) throw new Error(`no signing key ${kid ?? '(active)'}`);
    return k;
  }

  jwks(): { keys: JWK[] } {
    return { keys: this.keys.filter((k) => k.published).map((k) => ({ ...k.publicJwk, x5t: k.kid })) };
  }
}

/** Entra-like kid: a short base64url thumbprint of the modulus. */
function thumbprintKid(jwk: JWK): string {
  return createHash('sha256').update(String(jwk.n)).digest('base64url').slice(0, 27);
}

/**
 * Loads the persisted dev key from `file`, creating it if missing. The file holds a private key for LOCAL
 * development only (the folder is gitignored; mode 0600). Creation is atomic and create-if-absent: `serve` and
 * `connectorkit token` started at once both end up with the one key that reached the disk first.
 */
export async function loadOrCreateKey(keys: KeySet, file: string): Promise<SigningKey> {
  const { content } = await createIfAbsent(
    file,
    async () => {
      const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
      return toJsonText({ note: 'connectorkit dev issuer key - local development only', privateJwk: await exportJWK(privateKey) });
    },
    { mode: 0o600 },
  );
  try {
    const saved = JSON.parse(content.toString('utf8')) as { privateJwk: JWK };
    const priv = (await importJWK(saved.privateJwk, 'RS256')) as CryptoKey;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = saved.privateJwk;
    return keys.add(priv, pub);
  } catch (e) {
    throw new CkError({ code: 'CK_AUTH_DEV_KEY_UNREADABLE', message: `Cannot read the dev signing key ${file}: ${(e as Error).message}`, cause: e });
  }
}
