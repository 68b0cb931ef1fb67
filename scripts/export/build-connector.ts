/**
 * The pure core of export: spec + config (+ deploy outputs) → the connector folder in memory. No writes.
 */
import { buildApiDefinition } from './api-definition';
import { assertNoSecretInText, buildApiProperties, buildSettingsJson } from './api-properties';
import { checkIcon, generateIcon, loadIcon } from './icon';
import { buildReadme } from './readme';
import { resolveSettings } from './settings-resolve';
import { connectorJson } from './text';
import type { BuildConnectorInput, ConnectorFolder, ExportNotice } from './types';

/** File names of a connector folder, in the order they are written and zipped. */
export const CONNECTOR_FILES = ['apiDefinition.swagger.json', 'apiProperties.json', 'icon.png', 'readme.md', 'settings.json'] as const;

/**
 * Builds every connector file. Throws CkError CK_EXPORT_CONFIG_INCOMPLETE / CK_EXPORT_SPEC_INVALID /
 * CK_EXPORT_SECRET_IN_CONFIG / CK_EXPORT_ICON_INVALID on bad input.
 * @example
 * const folder = buildConnector({ spec: JSON.parse(readFileSync('dist/swagger.json', 'utf8')), config: loaded.config });
 */
export function buildConnector(input: BuildConnectorInput): ConnectorFolder {
  const notices: ExportNotice[] = [];
  const settings = resolveSettings(input.config, input.spec, input.deployOutputs, notices, (input.level ?? 'certification') === 'certification');
  const { swagger, operations } = buildApiDefinition(input.spec, settings, notices);
  let icon: Buffer;
  let iconGenerated = false;
  if (input.icon) icon = checkIcon(input.icon, 'icon', notices);
  else if (typeof input.config.connector?.icon === 'string' && input.config.connector.icon) icon = loadIcon(input.config.connector.icon, input.root ?? process.cwd(), notices);
  else {
    icon = generateIcon(settings.brandColor);
    iconGenerated = true;
  }
  const files: Record<string, Buffer | string> = {
    'apiDefinition.swagger.json': connectorJson(swagger),
    'apiProperties.json': connectorJson(buildApiProperties(settings)),
    'icon.png': icon,
    'readme.md': buildReadme(settings, operations),
    'settings.json': connectorJson(buildSettingsJson(settings)),
  };
  for (const [name, content] of Object.entries(files)) if (typeof content === 'string') assertNoSecretInText(name, content);
  return {
    files,
    notices,
    model: {
      title: settings.title,
      host: settings.host,
      basePath: settings.basePath,
      operations,
      brandColor: settings.brandColor,
      placeholders: settings.placeholders,
      iconGenerated,
    },
  };
}
