/**
 * Verifies Entra access tokens: RS256 only, signing keys from the issuer's OpenID metadata → JWKS (cached by jose;
 * an unknown `kid` triggers a refetch, rate-limited by the cooldown), issuer/audience/lifetime, then the bounds
 * every Entra token keeps (docs/auth.md "Token policy"): `iat` present and not in the future, at most one day
 * between `iat` and `exp`, `ver` 1.0 or 2.0 agreeing with the issuer's form, and the tenant.
 * Failures are `TokenRejection`s that name the failed check for the log; callers see only a generic description.
 */
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import type { AuthSettings } from './settings';

/** Which check failed — logged, never sent to the caller. */
export type RejectReason =
  | 'missing'
  | 'malformed'
  | 'algorithm'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'not_yet_valid'
  | 'signature'
  | 'unknown_kid'
  | 'tenant'
  | 'claims'
  | 'metadata_unavailable'
  | 'issued_in_future'
  | 'lifetime'
  | 'version';

export class TokenRejection extends Error {
  constructor(
    readonly reason: RejectReason,
    detail: string,
  ) {
    super(detail);
    this.name = 'TokenRejection';
  }
}

type Jwks = ReturnType<typeof createRemoteJWKSet>;
const METADATA_TTL_MS = 60 * 60 * 1000;
const FETCH_TIMEOUT_MS = 5000;
/** Entra tokens are minted with a few minutes of leeway; 60 s covers clock drift between hosts. */
const CLOCK_TOLERANCE_S = 60;
/**
 * Entra access tokens live 60–90 minutes by default; a token lifetime policy can set 10 minutes to 1 day. A signed
 * token claiming more was not minted by Entra's rules (a stolen signing key, a test issuer gone wrong): refused.
 */
export const MAX_TOKEN_LIFETIME_S = 24 * 60 * 60;
/** Verified tokens are remembered briefly: a connection reuses one token for up to ~90 min, so most checks hit. */
const VERIFIED_TTL_MS = 5 * 60 * 1000;
const VERIFIED_MAX = 1000;

export class TokenVerifier {
  private metadata?: { at: number; byIssuer: Map<string, string>; jwksUris: string[] };
  private loading?: Promise<void>;
  private readonly jwks = new Map<string, Jwks>();
  /** token → payload and the time until which it may be reused without re-verifying (≤ exp, ≤ 5 min). */
  private readonly verified = new Map<string, { payload: JWTPayload; until: number }>();

  constructor(private readonly s: AuthSettings) {}

  /** Returns the verified payload or throws a TokenRejection. */
  async verify(token: string): Promise<JWTPayload> {
    const hit = this.verified.get(token);
    if (hit) {
      if (hit.until > Date.now()) return hit.payload;
      this.verified.delete(token);
    }
    const payload = await this.verifyUncached(token);
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
    // exp is checked with the same clock tolerance jose used, so a cached token never outlives a fresh verify.
    this.verified.set(token, { payload, until: Math.min(Date.now() + VERIFIED_TTL_MS, ((payload.exp ?? 0) + CLOCK_TOLERANCE_S) * 1000) });
    return payload;
  }

  private async verifyUncached(token: string): Promise<JWTPayload> {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let claims: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      claims = decodeJwt(token);
    } catch (e) {
      throw new TokenRejection('malformed', (e as Error).message);
    }
    // Nothing of the token is verified yet: name the failed check, never quote its (attacker-chosen) values.
    if (header.alg !== 'RS256') throw new TokenRejection('algorithm', 'the alg header is not RS256');
    const iss = typeof claims.iss === 'string' ? claims.iss : '';
    if (!this.s.issuers.includes(iss)) throw new TokenRejection('issuer', iss ? 'the iss claim is not an accepted issuer' : 'the token has no iss claim');
    const jwks = await this.jwksFor(iss);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        algorithms: ['RS256'],
        issuer: this.s.issuers,
        audience: this.s.audiences,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'iss', 'aud', 'iat'],
      }));
    } catch (e) {
      throw mapJoseError(e);
    }
    checkEntraBounds(payload);
    if (payload.tid !== this.s.tenantId) throw new TokenRejection('tenant', 'the tid claim is not the configured tenant');
    return payload;
  }

  private async jwksFor(iss: string): Promise<Jwks> {
    await this.loadMetadata();
    const md = this.metadata!;
    const uri = md.byIssuer.get(iss) ?? md.jwksUris[0];
    if (!uri) throw new TokenRejection('metadata_unavailable', 'no OpenID metadata could be loaded');
    let jwks = this.jwks.get(uri);
    if (!jwks) {
      jwks = createRemoteJWKSet(new URL(uri), { cooldownDuration: this.s.jwksCooldownMs, timeoutDuration: FETCH_TIMEOUT_MS, cacheMaxAge: 10 * 60 * 1000 });
      this.jwks.set(uri, jwks);
    }
    return jwks;
  }

  /** Loads every configured metadata document (cached for an hour; a failed load is retried next request). */
  private async loadMetadata(): Promise<void> {
    if (this.metadata && Date.now() - this.metadata.at < METADATA_TTL_MS) return;
    this.loading ??= (async () => {
      const byIssuer = new Map<string, string>();
      const jwksUris: string[] = [];
      const results = await Promise.allSettled(this.s.openIdConfigUrls.map(fetchMetadata));
      for (const r of results) {
        if (r.status !== 'fulfilled') continue;
        const issuer = r.value.issuer.replace('{tenantid}', this.s.tenantId);
        byIssuer.set(issuer, r.value.jwks_uri);
        if (!jwksUris.includes(r.value.jwks_uri)) jwksUris.push(r.value.jwks_uri);
      }
      if (jwksUris.length === 0) {
        const why = results.map((r) => (r.status === 'rejected' ? String((r.reason as Error).message) : 'ok')).join('; ');
        throw new TokenRejection('metadata_unavailable', `OpenID metadata could not be loaded: ${why}`);
      }
      this.metadata = { at: Date.now(), byIssuer, jwksUris };
    })().finally(() => {
      this.loading = undefined;
    });
    await this.loading;
  }
}

/** The bounds Entra's own tokens satisfy, checked after the signature (jose has checked exp/nbf and the types). */
export function checkEntraBounds(payload: JWTPayload, nowS = Math.floor(Date.now() / 1000)): void {
  const iat = payload.iat!;
  const exp = payload.exp!;
  if (iat > nowS + CLOCK_TOLERANCE_S) throw new TokenRejection('issued_in_future', `iat is ${iat - nowS} s in the future`);
  if (exp - iat > MAX_TOKEN_LIFETIME_S) throw new TokenRejection('lifetime', `lifetime ${exp - iat} s exceeds ${MAX_TOKEN_LIFETIME_S} s`);
  // v2.0 issuers end in /v2.0 (https://login.microsoftonline.com/{tid}/v2.0); v1.0 issuers do not (https://sts.windows.net/{tid}/).
  const ver = payload.ver;
  if (ver !== '1.0' && ver !== '2.0') throw new TokenRejection('version', 'ver is neither 1.0 nor 2.0');
  if (String(payload.iss).endsWith('/v2.0') !== (ver === '2.0')) throw new TokenRejection('version', `ver ${ver} does not match the issuer's token version`);
}

async function fetchMetadata(url: string): Promise<{ issuer: string; jwks_uri: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
  const body = (await res.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (typeof body.issuer !== 'string' || typeof body.jwks_uri !== 'string') throw new Error(`${url} lacks issuer or jwks_uri`);
  return { issuer: body.issuer, jwks_uri: body.jwks_uri };
}

function mapJoseError(e: unknown): TokenRejection {
  if (e instanceof errors.JWTExpired) return new TokenRejection('expired', e.message);
  if (e instanceof errors.JWTClaimValidationFailed) {
    const claim = e.claim;
    if (e.reason === 'missing') return new TokenRejection('claims', e.message);
    if (claim === 'nbf' || claim === 'iat') return new TokenRejection('not_yet_valid', e.message);
    if (claim === 'aud') return new TokenRejection('audience', e.message);
    if (claim === 'iss') return new TokenRejection('issuer', e.message);
    return new TokenRejection('claims', e.message);
  }
  if (e instanceof errors.JWKSNoMatchingKey) return new TokenRejection('unknown_kid', e.message);
  if (e instanceof errors.JOSEAlgNotAllowed) return new TokenRejection('algorithm', e.message);
  if (e instanceof errors.JWSSignatureVerificationFailed) return new TokenRejection('signature', e.message);
  if (e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid) return new TokenRejection('metadata_unavailable', (e as Error).message);
  if (e instanceof errors.JWTInvalid || e instanceof errors.JWSInvalid) return new TokenRejection('malformed', (e as Error).message);
  if (e instanceof errors.JOSEError) return new TokenRejection('signature', e.message);
  // Not a JOSE verdict: the JWKS fetch itself failed (network, timeout).
  return new TokenRejection('metadata_unavailable', (e as Error)?.message ?? String(e));
}
