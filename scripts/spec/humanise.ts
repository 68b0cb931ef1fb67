/**
 * Display names for parameters (`x-ms-summary`): Power Platform shows them as field labels and certification
 * wants them in Title Case ("Calendar ID"). `departmentId` → `Department ID`, `page_size` → `Page Size`,
 * `x-correlation-id` → `Correlation ID`.
 */

/** Words written in capitals in Microsoft's connectors. */
const ACRONYMS: Record<string, string> = {
  id: 'ID',
  ids: 'IDs',
  url: 'URL',
  urls: 'URLs',
  uri: 'URI',
  api: 'API',
  guid: 'GUID',
  uuid: 'UUID',
  ip: 'IP',
  json: 'JSON',
  xml: 'XML',
  html: 'HTML',
  http: 'HTTP',
  https: 'HTTPS',
  utc: 'UTC',
  sku: 'SKU',
  odata: 'OData',
  upn: 'UPN',
  csv: 'CSV',
  pdf: 'PDF',
  sql: 'SQL',
  etag: 'ETag',
};

/** Turns an identifier (camelCase, PascalCase, snake_case, kebab-case, header names) into Title Case words. */
export function humanise(name: string): string {
  const words = name
    .replace(/^x-(?=.)/i, '') // header convention prefix, not a word users should read
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.$@]+/)
    .filter(Boolean);
  return words.map((w) => ACRONYMS[w.toLowerCase()] ?? w.charAt(0).toUpperCase() + w.slice(1)).join(' ') || name;
}
