/**
 * readme.md with the sections of Microsoft's certified-connector template
 * (templates/certified-connectors/readme.md): Title, Publisher, Prerequisites, Supported Operations, Obtaining
 * Credentials, Getting Started, Known Issues and Limitations, Frequently Asked Questions, Deployment Instructions.
 */
import type { ResolvedSettings } from './settings-resolve';
import type { ConnectorModel } from './types';

/** Renders the readme; deterministic for the same inputs. */
export function buildReadme(s: ResolvedSettings, ops: ConnectorModel['operations']): string {
  const resource = s.placeholders.includes('resourceUri') ? 'the App ID URI of the API app registration (for example `api://<api-app-id>`)' : `\`${s.auth.resourceUri}\``;
  const scope = s.auth.scope ? `\`${s.auth.scope}\`` : `the API app's \`${s.auth.scopeName}\` scope`;
  const opList = ops.map((o) => `### ${o.summary}\n${o.description}${o.trigger ? ' (trigger)' : ''}\n`).join('\n');
  const lines = [
    `# ${s.title}`,
    s.description,
    '',
    `## Publisher: ${s.publisher ?? '(set connector.publisher)'}`,
    '',
    '## Prerequisites',
    `- An account in the Microsoft Entra ID tenant that hosts the ${s.title} service, with access granted by its administrator.`,
    '- A Power Platform environment where you may create custom connectors.',
    '',
    '## Supported Operations',
    opList,
    '## Obtaining Credentials',
    `The connector signs users in with Microsoft Entra ID (OAuth 2.0 authorization code). Two app registrations are used: the API app, whose App ID URI is ${resource}, and the connector app, which holds a client secret and has delegated permission ${scope}. The client secret is never stored in this folder; you enter it when you import the connector.`,
    '',
    '## Getting Started',
    `1. Import the connector (see Deployment Instructions) and add the redirect URL shown on its Security tab to the connector app registration as a Web redirect URI.`,
    `2. Create a connection and sign in with your work account.`,
    `3. Add an action such as "${ops[0]?.summary ?? 'an operation'}" to a flow or app and run it.`,
    '',
    '## Known Issues and Limitations',
    '- The connector uses a redirect URL unique to the connector (`GlobalPerConnector`); sign-in fails with AADSTS50011 until that URL is registered on the connector app.',
    '- Users from other tenants cannot sign in unless both app registrations are multi-tenant and consented in their tenant.',
    '',
    '## Frequently Asked Questions',
    '### Why does sign-in ask for consent?',
    'Your tenant has not granted the connector app access to the API yet. An administrator can grant consent for everyone in the Entra admin center.',
    '',
    '## Deployment Instructions',
    'Run `connectorkit deploy` to publish the API and fill in the real host, tenant and app ids, then import this folder with one of:',
    '- `paconn create --api-def apiDefinition.swagger.json --api-prop apiProperties.json --icon icon.png --secret <connector app secret>`',
    '- `pac connector create --api-definition-file apiDefinition.swagger.json --api-properties-file apiProperties.json --icon-file icon.png` (then enter the client secret on the Security tab)',
    '- the maker portal: Custom connectors → New custom connector → Import an OpenAPI file, then set the client secret on the Security tab.',
    '',
  ];
  return lines.join('\n');
}
