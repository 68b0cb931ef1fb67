/**
 * Resolves everything the connector files need from config + deploy outputs, and checks it against Microsoft's
 * certification rules up front so the user gets one error naming every config key to fix (not a validator
 * finding pointing into a generated file).
 */
import type { ProjectConfig } from '../config';
import { CkError, type ErrorDetail } from '../core/errors';
import type { DeployOutputs, ExportNotice } from './types';
// Microsoft's list lives once, with the validator rule that enforces it.
import { CONNECTOR_CATEGORIES } from '../validate';
import './codes';

/** Placeholders used before the first deploy; GUID-free so nobody mistakes them for real app ids. */
export const PLACEHOLDER_CLIENT_ID = '[[connector-client-id]]';
export const PLACEHOLDER_RESOURCE_URI = 'api://[[api-app-id]]';
export const DEFAULT_BRAND_COLOR = '#1f4e79';
export const DEFAULT_LOGIN_URI = 'https://login.microsoftonline.com';

export interface ResolvedSettings {
  title: string;
  description: string;
  version: string;
  /** Certification metadata: optional below `--level certification` (then only the keys that are set). */
  contact: { name?: string; url?: string; email?: string };
  website?: string;
  privacyPolicy?: string;
  categories: string[];
  brandColor: string;
  publisher?: string;
  stackOwner?: string;
  capabilities: string[];
  policyTemplateInstances?: unknown[];
  host: string;
  basePath: string;
  auth: {
    clientId: string;
    tenantId: string;
    resourceUri: string;
    loginUri: string;
    scopes: string[];
    scope?: string;
    /** Short delegated scope name (config auth.scope), e.g. user_impersonation. */
    scopeName: string;
    enableOnBehalfOfLogin: boolean;
  };
  environment?: string;
  connectorId?: string;
  placeholders: string[];
}

const RESTRICTED_TITLE_WORDS = /\b(api|connector|power ?apps|power ?automate|logic ?apps|copilot)\b/i;
const PRODUCT_NAMES = /\b(power ?apps|power ?automate|logic ?apps|power platform)\b/i;
const SECRET_KEY = /secret|password|client_?key/i;

/** Throws CK_EXPORT_SECRET_IN_CONFIG when any key under connector.* looks like a credential. */
export function assertNoSecret(value: unknown, at = 'connector'): void {
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = `${at}.${k}`;
    if (SECRET_KEY.test(k) && v !== undefined && v !== null && v !== '') {
      throw new CkError({ code: 'CK_EXPORT_SECRET_IN_CONFIG', message: `connectorkit.${key} looks like a client secret; a connector folder never holds one.`, target: key });
    }
    assertNoSecret(v, key);
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * Reads config (+ deploy outputs) into the values the files need; collects every problem into one CkError.
 * Certification metadata (contact, website, privacy policy, categories, publisher) is required only when
 * `certification` is set; otherwise what is missing is listed in one notice and left out of the files.
 */
export function resolveSettings(config: Readonly<ProjectConfig>, spec: Record<string, unknown>, deploy: DeployOutputs | undefined, notices: ExportNotice[], certification = true): ResolvedSettings {
  const c = config.connector ?? {};
  assertNoSecret(c);
  const auth = (c.auth ?? {}) as Record<string, unknown>;
  const problems: ErrorDetail[] = [];
  const bad = (target: string, message: string) => problems.push({ code: 'CK_EXPORT_CONFIG_INCOMPLETE', message, target });
  const missingMetadata: string[] = [];
  const missing = (target: string, message: string) => (certification ? bad(target, message) : missingMetadata.push(target));

  const titleKey = str(c.title) ? 'connector.title' : 'api.title';
  const title = str(c.title) ?? str(config.api.title) ?? '';
  if (!title) bad(titleKey, 'A connector needs a title (info.title).');
  else {
    if (title.length > 30) bad(titleKey, `The title "${title}" has ${title.length} characters; Microsoft allows at most 30.`);
    if (RESTRICTED_TITLE_WORDS.test(title) || /[a-z](API|Connector)\b/.test(title))
      bad(titleKey, `The title "${title}" contains a restricted word (API, Connector or a Power Platform product name); set connector.title to a name without it.`);
    if (!/[A-Za-z0-9]$/.test(title)) bad(titleKey, `The title "${title}" must end with a letter or digit.`);
  }
  const descKey = str(c.description) ? 'connector.description' : 'api.description';
  const description = str(c.description) ?? str(config.api.description) ?? '';
  if (description.length < 30 || description.length > 500) bad(descKey, `The description must have 30 to 500 characters (it has ${description.length}).`);
  if (PRODUCT_NAMES.test(description)) bad(descKey, 'The description may not name Power Platform products (Power Apps, Power Automate, Logic Apps).');

  const contact = config.api.contact ?? {};
  for (const k of ['name', 'url', 'email'] as const) if (!str(contact[k])) missing(`api.contact.${k}`, `info.contact.${k} is required for a connector.`);
  const website = str(c.website) ?? str(contact.url);
  if (!website) missing('connector.website', 'Set the publisher website (x-ms-connector-metadata "Website").');
  const privacyPolicy = str(c.privacyPolicy);
  if (!privacyPolicy) missing('connector.privacyPolicy', 'Set the privacy policy URL (x-ms-connector-metadata "Privacy policy").');
  for (const [k, v] of [
    ['connector.website', website],
    ['connector.privacyPolicy', privacyPolicy],
    ['api.contact.url', str(contact.url)],
  ] as const) {
    if (v && !/^https?:\/\/[^\s]+$/.test(v)) bad(k, `${v} is not an http(s) URL.`);
  }
  const categories = (c.categories ?? []).map(String);
  if (categories.length === 0) missing('connector.categories', `Give one or two categories from Microsoft's list: ${CONNECTOR_CATEGORIES.join(', ')}.`);
  else if (categories.length > 2) bad('connector.categories', `Give one or two categories from Microsoft's list: ${CONNECTOR_CATEGORIES.join(', ')}.`);
  for (const cat of categories) if (!CONNECTOR_CATEGORIES.includes(cat)) bad('connector.categories', `"${cat}" is not one of Microsoft's categories: ${CONNECTOR_CATEGORIES.join(', ')}.`);

  const brandColor = str(c.brandColor) ?? DEFAULT_BRAND_COLOR;
  if (!/^#[0-9a-fA-F]{6}$/.test(brandColor)) bad('connector.brandColor', `${brandColor} is not a #RRGGBB colour.`);
  if (['#007ee5', '#ffffff'].includes(brandColor.toLowerCase())) bad('connector.brandColor', `${brandColor} is not allowed (the default blue and white are rejected by certification).`);
  const publisher = str(c.publisher);
  if (!publisher) missing('connector.publisher', 'Set the publisher (your company or organisation name).');
  const stackOwner = str(c.stackOwner) ?? publisher;
  if (missingMetadata.length) {
    notices.push({
      code: 'CK_EXPORT_CERTIFICATION_METADATA_MISSING',
      target: missingMetadata[0],
      message: `Certification metadata is not set (needed only for --level certification): ${missingMetadata.join(', ')}. Set these keys in package.json "connectorkit".`,
    });
  }

  let host = deploy?.host ?? str(c.host) ?? str(config.api.host) ?? '';
  const placeholders: string[] = [];
  if (!deploy) {
    // connector.host is the maker's stated production host; api.host is the local dev host, a placeholder here.
    if (!str(c.host)) placeholders.push('host');
    notices.push({
      code: 'CK_EXPORT_LOCAL_PLACEHOLDERS',
      target: str(c.host) ? 'connector.host' : 'api.host',
      message: `No deploy outputs found: host "${host}" comes from ${str(c.host) ? 'connector.host' : 'api.host (a local placeholder; set connector.host)'}, and the connector's client id and resource URI are placeholders. Run \`connectorkit deploy\` (it re-exports with the real values) before importing.`,
    });
  }
  host = host.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!/^[^{}/ :\\]+(?::\d+)?$/.test(host)) bad(str(c.host) ? 'connector.host' : 'api.host', `"${host}" is not a host name (no scheme, no path).`);
  const basePath = deploy?.basePath ?? str(spec.basePath) ?? str(config.api.basePath) ?? '/';
  if (!basePath.startsWith('/')) bad('api.basePath', `basePath "${basePath}" must start with "/".`);

  let clientId = deploy?.connectorClientId ?? str(auth.clientId);
  if (!clientId) {
    clientId = PLACEHOLDER_CLIENT_ID;
    placeholders.push('clientId');
  }
  let resourceUri = deploy?.apiAppIdUri ?? str(auth.resourceUri);
  if (!resourceUri) {
    resourceUri = PLACEHOLDER_RESOURCE_URI;
    placeholders.push('resourceUri');
  }
  const scopes = Array.isArray(auth.scopes) ? auth.scopes.map(String) : [];
  const scope = deploy?.scope ?? (resourceUri === PLACEHOLDER_RESOURCE_URI ? undefined : `${resourceUri}/${config.auth?.scope ?? 'user_impersonation'}`);

  if (problems.length) {
    throw new CkError({
      code: 'CK_EXPORT_CONFIG_INCOMPLETE',
      message: `The connector cannot be exported: ${problems.length} configuration problem(s): ${problems.map((p) => `${p.target}: ${p.message}`).join(' ')}`,
      details: problems,
      target: problems[0]!.target,
    });
  }
  return {
    title,
    description,
    version: str(config.api.version) ?? '1.0.0',
    contact: Object.fromEntries((['name', 'url', 'email'] as const).filter((k) => str(contact[k])).map((k) => [k, contact[k]!])),
    ...(website ? { website } : {}),
    ...(privacyPolicy ? { privacyPolicy } : {}),
    categories,
    brandColor,
    ...(publisher ? { publisher } : {}),
    ...(stackOwner ? { stackOwner } : {}),
    capabilities: (c.capabilities ?? []).map(String),
    ...(c.policyTemplateInstances?.length ? { policyTemplateInstances: c.policyTemplateInstances as unknown[] } : {}),
    host,
    basePath,
    auth: {
      clientId,
      resourceUri,
      scopes,
      tenantId: deploy?.tenantId ?? str(auth.tenantId) ?? 'common',
      // A deployed connector signs in at its environment's authority (sovereign and custom clouds).
      loginUri: deploy?.loginUri ?? str(auth.loginUri) ?? DEFAULT_LOGIN_URI,
      enableOnBehalfOfLogin: auth.enableOnBehalfOfLogin === true,
      scopeName: config.auth?.scope ?? 'user_impersonation',
      ...(scope ? { scope } : {}),
    },
    ...(str(c.environment) ? { environment: str(c.environment)! } : {}),
    ...(str(c.connectorId) ? { connectorId: str(c.connectorId)! } : {}),
    placeholders,
  };
}
