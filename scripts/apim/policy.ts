/**
 * Renders the API policy from infra/apim/policies/api-policy.xml: `${name}` placeholders come from the environment
 * and the Entra step; `{{name}}` stays for APIM's named values.
 */
import { readFileSync } from 'node:fs';
import { CkError } from '../core/errors';
import { infraPath } from '../deploy/providers/kit';
import '../deploy/codes';

export const POLICY_TEMPLATE = 'infra/apim/policies/api-policy.xml';

export interface PolicyValues {
  authorityHost: string;
  tenantId: string;
  apiAppId: string;
  v1Issuer: string;
  scope: string;
  backendId: string;
}

/** XML-escapes a value placed in an attribute or text node. */
function esc(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Reads the project's template (falls back to connectorkit's own) and fills it. */
export function renderApiPolicy(root: string, values: PolicyValues): string {
  const template = readFileSync(infraPath(root, POLICY_TEMPLATE), 'utf8');
  const out = template.replace(/\$\{(\w+)\}/g, (_m, k: string) => {
    const v = (values as unknown as Record<string, string>)[k];
    if (v === undefined)
      throw new CkError({
        code: 'CK_DEPLOY_INFRA_INVALID',
        message: `${POLICY_TEMPLATE} uses unknown placeholder \${${k}}.`,
        hint: `Use only: ${Object.keys(values).join(', ')}.`,
        target: POLICY_TEMPLATE,
      });
    return esc(v);
  });
  // The leading comment documents the template; APIM would drop it anyway.
  return out.replace(/^\s*<!--[\s\S]*?-->\s*/, '');
}
