/**
 * The connector row a publish wants, built from the exported connector folder (the same files paconn and the maker
 * portal import): display name and description from the definition's info, the definition itself, connection
 * parameters and policy template instances from apiProperties.json, the icon and its brand colour, capabilities.
 * Column names and value formats are the `connector` table's (connector.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CkError } from '../core/errors';
import { stableGuid } from '../entra/stable-guid';

/** Capabilities choice values of the connector table (connector.md, "Capabilities Choices/Options"). */
export const CAPABILITY_VALUES: Record<string, number> = { composite: 118690000, tabular: 118690001, blob: 118690002, gateway: 118690003, cloud: 118690004, actions: 118690005 };

/** The columns publish manages, in plan order. */
export const MANAGED_COLUMNS = ['displayname', 'description', 'openapidefinition', 'connectionparameters', 'policytemplateinstances', 'iconblob', 'iconbrandcolor', 'capabilities'] as const;
export type ManagedColumn = (typeof MANAGED_COLUMNS)[number];

export interface DesiredConnector {
  /** Logical name (the row's stable key) and the id a create uses, derived from it so a re-sent create cannot duplicate. */
  name: string;
  connectorid: string;
  columns: Record<ManagedColumn, string | null>;
  /** The definition, parsed (breaking-change check). */
  definition: Record<string, unknown>;
  /** The OAuth client id of the connector (its Entra app), when it signs in with OAuth. */
  clientId?: string;
}

function readJson(dir: string, file: string): Record<string, any> {
  const f = path.join(dir, file);
  if (!existsSync(f)) throw new CkError({ code: 'CK_PUBLISH_INPUT_INVALID', message: `${file} is missing from ${dir}.`, target: f });
  try {
    return JSON.parse(readFileSync(f, 'utf8')) as Record<string, any>;
  } catch (e) {
    throw new CkError({ code: 'CK_PUBLISH_INPUT_INVALID', message: `${f} is not valid JSON: ${(e as Error).message}`, target: f, cause: e });
  }
}

/** Default logical name: ck_ + the title's lower-case letters and digits. */
export function defaultConnectorName(title: string): string {
  return `ck_${
    title
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 60) || 'connector'
  }`;
}

/** Reads the folder; refuses placeholders (an export never deployed) and unknown capabilities. */
export function desiredConnector(dir: string, environmentUrl: string, connectorName?: string): DesiredConnector {
  const def = readJson(dir, 'apiDefinition.swagger.json');
  const props = (readJson(dir, 'apiProperties.json').properties ?? {}) as Record<string, any>;
  const defText = JSON.stringify(def);
  const paramsText = JSON.stringify(props.connectionParameters ?? {});
  const placeholder = /\[\[[a-z-]+\]\]/.exec(`${defText}${paramsText}`);
  if (placeholder) throw new CkError({ code: 'CK_PUBLISH_NOT_DEPLOYED', message: `${path.basename(dir)}/ still holds the placeholder ${placeholder[0]}.`, target: dir });
  const caps = (props.capabilities ?? []) as string[];
  const unknown = caps.filter((c) => !(c in CAPABILITY_VALUES));
  if (unknown.length)
    throw new CkError({
      code: 'CK_PUBLISH_INPUT_INVALID',
      message: `apiProperties.json capabilities ${unknown.join(', ')} are not connector table choices (${Object.keys(CAPABILITY_VALUES).join(', ')}).`,
      target: 'apiProperties.json#/properties/capabilities',
    });
  const iconFile = path.join(dir, 'icon.png');
  const title = String(def.info?.title ?? '');
  if (!title)
    throw new CkError({ code: 'CK_PUBLISH_INPUT_INVALID', message: 'apiDefinition.swagger.json has no info.title (the connector display name).', target: 'apiDefinition.swagger.json#/info/title' });
  const name = connectorName ?? defaultConnectorName(title);
  const oauth = Object.values<any>(props.connectionParameters ?? {}).find((p) => p?.type === 'oauthSetting');
  return {
    name,
    connectorid: stableGuid(`dataverse-connector/${environmentUrl.toLowerCase()}/${name.toLowerCase()}`),
    columns: {
      displayname: title,
      description: typeof def.info?.description === 'string' ? def.info.description : null,
      openapidefinition: defText,
      connectionparameters: paramsText,
      policytemplateinstances: JSON.stringify(props.policyTemplateInstances ?? []),
      iconblob: existsSync(iconFile) ? readFileSync(iconFile).toString('base64') : null,
      iconbrandcolor: typeof props.iconBrandColor === 'string' ? props.iconBrandColor : null,
      capabilities: caps.length
        ? caps
            .map((c) => CAPABILITY_VALUES[c])
            .sort()
            .join(',')
        : null,
    },
    definition: def,
    ...(typeof oauth?.oAuthSettings?.clientId === 'string' ? { clientId: oauth.oAuthSettings.clientId as string } : {}),
  };
}

/** Canonical JSON (sorted keys) so a definition Dataverse re-serialised compares equal. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/** Parses a JSON column without OAuth client secrets (Dataverse stores them blank, so they never count as a change). */
function jsonColumn(text: string): string {
  try {
    const v = JSON.parse(text) as Record<string, any>;
    for (const p of Object.values<any>(v && typeof v === 'object' ? v : {})) if (p?.oAuthSettings) delete p.oAuthSettings.clientSecret;
    return JSON.stringify(canonical(v));
  } catch {
    return text;
  }
}

/** Whether the live value of a column equals the desired one. */
export function sameColumn(col: ManagedColumn, desired: string | null, live: unknown): boolean {
  const l = live === undefined || live === '' ? null : live;
  if (desired === null || l === null) return desired === l;
  if (col === 'openapidefinition' || col === 'connectionparameters' || col === 'policytemplateinstances') return typeof l === 'string' && jsonColumn(desired) === jsonColumn(l);
  if (col === 'capabilities') return String(l).split(',').sort().join(',') === desired;
  return desired === l;
}

/** connectionparameters with the client secret put into every OAuth setting (sent, never stored or printed). */
export function withClientSecret(paramsText: string, secret: string): string {
  const v = JSON.parse(paramsText) as Record<string, any>;
  for (const p of Object.values<any>(v)) if (p?.type === 'oauthSetting' && p.oAuthSettings) p.oAuthSettings.clientSecret = secret;
  return JSON.stringify(v);
}
