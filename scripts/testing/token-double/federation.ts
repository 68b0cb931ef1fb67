/**
 * Workload identity federation in the token double: a client_credentials request authenticated by a client
 * assertion (`client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`) is accepted the way
 * Entra ID accepts one — a federated credential of the app must match the assertion's issuer, subject and audience,
 * and the assertion must be signed by a key of that issuer and be within its valid time range.
 */
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';

/** One federated identity credential as Graph stores it. */
export interface FederatedCredential {
  issuer: string;
  subject: string;
  audiences: string[];
}

export interface Federation {
  /** The federated credentials of the app with this client id; undefined when the directory has no such app. */
  credentialsFor(clientId: string): FederatedCredential[] | undefined;
  /** JWKS URL of each external issuer Entra trusts (it reads them from the issuer's OpenID metadata). */
  issuerJwks: Record<string, string>;
}

export type AssertionResult = { matched: { issuer: string; subject: string } } | { status: number; error: string; description: string };

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const keySets = new Map<string, JWTVerifyGetKey>();

export async function checkFederatedAssertion(form: URLSearchParams, creds: FederatedCredential[], federation: Federation, clientId: string): Promise<AssertionResult> {
  const fail = (status: number, error: string, description: string): AssertionResult => ({ status, error, description });
  if (form.get('client_assertion_type') !== JWT_BEARER) return fail(400, 'invalid_request', `AADSTS50027: client_assertion_type must be '${JWT_BEARER}', got '${form.get('client_assertion_type')}'.`);
  const assertion = form.get('client_assertion') ?? '';
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(assertion);
  } catch {
    return fail(400, 'invalid_client', 'AADSTS50027: The client assertion is not a valid JWT.');
  }
  const iss = String(claims.iss ?? '');
  const sub = String(claims.sub ?? '');
  const auds = Array.isArray(claims.aud) ? claims.aud.map(String) : [String(claims.aud ?? '')];
  const byIssuer = creds.filter((c) => c.issuer === iss);
  if (!byIssuer.length) return fail(400, 'invalid_client', `AADSTS700211: No matching federated identity record found for presented assertion issuer '${iss}'.`);
  const bySubject = byIssuer.filter((c) => c.subject === sub);
  if (!bySubject.length)
    return fail(
      400,
      'invalid_client',
      `AADSTS700213: No matching federated identity record found for presented assertion subject '${sub}'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
    );
  if (!bySubject.some((c) => c.audiences.some((a) => auds.includes(a))))
    return fail(400, 'invalid_client', `AADSTS700212: No matching federated identity record found for presented assertion audience '${auds.join(',')}'.`);
  const jwks = federation.issuerJwks[iss];
  if (!jwks) return fail(400, 'invalid_client', `AADSTS50166: Request to External OIDC endpoint failed: no signing keys known for issuer '${iss}'.`);
  let keys = keySets.get(jwks);
  if (!keys) keySets.set(jwks, (keys = createRemoteJWKSet(new URL(jwks))));
  try {
    await jwtVerify(assertion, keys, { issuer: iss, subject: sub });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_JWT_EXPIRED' || code === 'ERR_JWT_CLAIM_VALIDATION_FAILED')
      return fail(400, 'invalid_client', `AADSTS700024: Client assertion is not within its valid time range (${(e as Error).message}).`);
    return fail(401, 'invalid_client', `AADSTS700027: Client assertion failed signature validation for app '${clientId}' (${(e as Error).message}).`);
  }
  return { matched: { issuer: iss, subject: sub } };
}
