/**
 * apiProperties.json: Entra ID (`aad`) OAuth for the connection, in the shape of current certified aad connectors
 * (connector-format.md §5–6, entra-auth.md §1.4). The client secret is NEVER written: paconn/pac/the portal take it
 * at import time.
 */
import type { ResolvedSettings } from './settings-resolve';

/** The `properties` object of apiProperties.json, keys in a stable, readable order. */
export function buildApiProperties(s: ResolvedSettings): { properties: Record<string, unknown> } {
  const a = s.auth;
  const props: Record<string, unknown> = {
    connectionParameters: {
      token: {
        type: 'oauthSetting',
        oAuthSettings: {
          identityProvider: 'aad',
          clientId: a.clientId,
          scopes: a.scopes,
          redirectMode: 'GlobalPerConnector',
          properties: {
            IsFirstParty: 'False',
            AzureActiveDirectoryResourceId: a.resourceUri,
            IsOnbehalfofLoginSupported: a.enableOnBehalfOfLogin,
          },
          customParameters: {
            loginUri: { value: a.loginUri },
            tenantId: { value: a.tenantId },
            resourceUri: { value: a.resourceUri },
            enableOnbehalfOfLogin: { value: String(a.enableOnBehalfOfLogin) },
          },
        },
      },
      // The platform fills this hidden parameter with the signing-in user's tenant (52 corpus aad connectors carry it).
      'token:TenantId': {
        type: 'string',
        metadata: { sourceType: 'AzureActiveDirectoryTenant' },
        uiDefinition: { constraints: { required: 'false', hidden: 'true' } },
      },
    },
    iconBrandColor: s.brandColor.toLowerCase(),
    capabilities: s.capabilities,
  };
  if (s.policyTemplateInstances) props.policyTemplateInstances = s.policyTemplateInstances;
  if (s.publisher) props.publisher = s.publisher;
  if (s.stackOwner) props.stackOwner = s.stackOwner;
  return { properties: props };
}

/** paconn's argument store (settings.json); only keys its published schema allows. */
export function buildSettingsJson(s: ResolvedSettings): Record<string, string> {
  return {
    ...(s.connectorId ? { connectorId: s.connectorId } : {}),
    ...(s.environment ? { environment: s.environment } : {}),
    apiProperties: 'apiProperties.json',
    apiDefinition: 'apiDefinition.swagger.json',
    icon: 'icon.png',
    powerAppsUrl: 'https://api.powerapps.com',
    powerAppsApiVersion: '2016-11-01',
  };
}

const SECRET_PATTERN = /"client_?secret"\s*:/i;

/** Last line of defence: refuses any file text that carries a clientSecret key. */
export function assertNoSecretInText(name: string, text: string): void {
  if (SECRET_PATTERN.test(text)) throw new Error(`internal: ${name} would contain a clientSecret`);
}
