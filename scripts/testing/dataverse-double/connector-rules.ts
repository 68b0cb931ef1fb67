/**
 * What Dataverse checks on a write to the `connector` table (connector.md, solution-custom-api.md): only documented,
 * writable columns; string lengths; choice values; the columns required on create; and the documented handling of
 * secrets — "Microsoft doesn't store secrets in Dataverse for custom connectors … they'll be replaced with an empty
 * string" — applied to the OAuth client secret in connectionparameters.
 */
import { connectorColumns } from './connector-columns';
import type { Row } from './odata';

/** A refused write: HTTP status, Dataverse's hexadecimal error code and its message. */
export interface RuleError {
  status: number;
  code: string;
  message: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Required on create (solution-custom-api.md "Create a connector"); connectorid is generated when absent. */
const REQUIRED_ON_CREATE = ['name', 'displayname', 'openapidefinition', 'connectortype'];

const bad = (message: string): RuleError => ({ status: 400, code: '0x80040203', message });

/** Checks a POST/PATCH body; returns the first violation. */
export function checkConnectorWrite(body: Row, creating: boolean): RuleError | undefined {
  const cols = connectorColumns();
  for (const [k, v] of Object.entries(body)) {
    if (k.includes('@odata.bind')) return bad(`Binding ${k} is not implemented by the Dataverse double.`);
    const c = cols.get(k);
    if (!c) return { status: 400, code: '0x80060888', message: `Invalid property '${k}' was found in entity 'Microsoft.Dynamics.CRM.connector'.` };
    if (creating ? !c.create : !c.update) return bad(`The '${k}' attribute is not valid for ${creating ? 'create' : 'update'}.`);
    if (v === null) continue;
    if (c.type === 'String' || c.type === 'Image' || c.type === 'MultiSelectPicklist') {
      if (typeof v !== 'string') return bad(`Cannot convert the literal '${JSON.stringify(v).slice(0, 40)}' to the expected type 'Edm.String' (${k}).`);
      if (c.maxLength !== undefined && v.length > c.maxLength)
        return bad(`A validation error occurred. The length of the '${k}' attribute of the 'connector' entity exceeded the maximum allowed length of '${c.maxLength}'.`);
      if (c.type === 'Image' && !/^[A-Za-z0-9+/]*={0,2}$/.test(v)) return bad(`The value of '${k}' is not a base64 image.`);
      if (c.type === 'MultiSelectPicklist') {
        for (const part of v.split(',').filter(Boolean)) if (!c.options!.includes(Number(part))) return bad(`${part} is not a valid value for the '${k}' attribute.`);
      }
    }
    if (c.type === 'Picklist' && !c.options!.includes(v as number))
      return bad(`A validation error occurred. The value ${String(v)} of '${k}' on record of type 'connector' is outside the valid range.`);
    if (c.type === 'Uniqueidentifier' && (typeof v !== 'string' || !GUID.test(v))) return bad(`Cannot convert the literal '${String(v)}' to the expected type 'Edm.Guid' (${k}).`);
  }
  if (creating) {
    for (const k of REQUIRED_ON_CREATE) if (body[k] === undefined || body[k] === null || body[k] === '') return bad(`Attribute '${k}' cannot be NULL (required to create a custom connector).`);
    if (body.connectortype !== 1) return bad('connectortype must be 1 (CustomConnector) for a custom connector.');
  }
  if (typeof body.openapidefinition === 'string') {
    try {
      const d = JSON.parse(body.openapidefinition) as { swagger?: string };
      if (d.swagger !== '2.0') return bad('openapidefinition must be an OpenAPI (Swagger) 2.0 document.');
    } catch {
      return bad('openapidefinition is not valid JSON.');
    }
  }
  for (const k of ['connectionparameters', 'policytemplateinstances']) {
    if (typeof body[k] !== 'string' || body[k] === '') continue;
    try {
      JSON.parse(body[k] as string);
    } catch {
      return bad(`${k} is not valid JSON.`);
    }
  }
  return undefined;
}

/**
 * Blanks OAuth client secrets inside connectionparameters (the row never returns them) and returns what it blanked,
 * by parameter name, for the platform's own store.
 */
export function blankSecrets(row: Row): Record<string, string> {
  if (typeof row.connectionparameters !== 'string' || !row.connectionparameters) return {};
  const params = JSON.parse(row.connectionparameters) as Record<string, { oAuthSettings?: { clientSecret?: string } }>;
  const taken: Record<string, string> = {};
  for (const [name, p] of Object.entries(params)) {
    if (p?.oAuthSettings && typeof p.oAuthSettings.clientSecret === 'string' && p.oAuthSettings.clientSecret !== '') {
      taken[name] = p.oAuthSettings.clientSecret;
      p.oAuthSettings.clientSecret = '';
    }
  }
  if (Object.keys(taken).length) row.connectionparameters = JSON.stringify(params);
  return taken;
}

/**
 * The internal id the platform gives a new connector — the `<id>` of its sign-in redirect URI
 * `https://global.consent.azure-apim.net/redirect/<id>`: the logical name with `_` escaped as `-5f`, other
 * characters as `-<hex>`, then `-5f` and a random suffix (lowercase letters, digits, dashes).
 */
export function newInternalId(name: string, random: string): string {
  const esc = name.toLowerCase().replace(/[^a-z0-9]/g, (ch) => `-${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `${esc}-5f${random.replace(/[^0-9a-f]/g, '').slice(0, 14)}`;
}
