/**
 * securityDefinitions for the spec. From `connectorkit.api.securityDefinitions` when set (every @Security name must be
 * defined there); otherwise one placeholder per @Security name: Entra ID OAuth 2.0 authorization code, the shape
 * every Entra-protected certified connector uses, with the scopes the controllers ask for. The export stage (and
 * deploy) replace the placeholder URLs with the real app registration.
 */
import type { ProjectConfig } from '../config';
import { SPEC_CODES } from './codes';
import { finding } from './lint/index';
import type { LintFinding, OperationRef } from './types';

/** Authorization URL of the placeholder oauth2 scheme (what Power Platform's aad identity provider uses). */
export const PLACEHOLDER_AUTHORIZATION_URL = 'https://login.windows.net/common/oauth2/authorize';

export function securityDefinitionsFor(api: ProjectConfig['api'], operations: OperationRef[], findings: LintFinding[]): Record<string, unknown> {
  const used = new Map<string, { scopes: Set<string>; op: OperationRef }>();
  for (const op of operations) {
    for (const req of op.md.security ?? []) {
      for (const [name, scopes] of Object.entries(req)) {
        const u = used.get(name) ?? { scopes: new Set<string>(), op };
        for (const s of scopes) u.scopes.add(s);
        used.set(name, u);
      }
    }
  }
  if (api.securityDefinitions) {
    for (const [name, u] of used) {
      if (!(name in api.securityDefinitions)) {
        findings.push(finding(u.op, SPEC_CODES.CK_SPEC_SECURITY_UNDEFINED, 'error', `@Security('${name}') of ${u.op.controller}.${u.op.method} is not in connectorkit.api.securityDefinitions`));
      }
    }
    return structuredClone(api.securityDefinitions);
  }
  const out: Record<string, unknown> = {};
  // Placeholders only for schemes the spec shows (a @Hidden operation's scheme would be an unused definition).
  const visible = new Set(operations.filter((o) => !o.hidden).flatMap((o) => (o.md.security ?? []).flatMap((r) => Object.keys(r))));
  for (const name of [...used.keys()].filter((n) => visible.has(n)).sort()) {
    const scopes: Record<string, string> = {};
    for (const s of [...used.get(name)!.scopes].sort()) scopes[s] = s;
    out[name] = { type: 'oauth2', flow: 'accessCode', authorizationUrl: PLACEHOLDER_AUTHORIZATION_URL, tokenUrl: PLACEHOLDER_AUTHORIZATION_URL, scopes };
  }
  return out;
}
