/**
 * What APIM does with `format: swagger-json` + `value`: parse the OpenAPI 2.0 document and derive the API's
 * operations. Operation resource name = normalised operationId (lowercase, non-alphanumeric runs → '-', trimmed,
 * ≤ 76 chars, `-1`… suffix on collision); displayName = summary. Re-import replaces the whole operation set.
 */

/** The supported (and known) import formats (ContentFormat, modelAsString so oav cannot check it). */
export const CONTENT_FORMATS = new Set([
  'wadl-xml',
  'wadl-link-json',
  'swagger-json',
  'swagger-link-json',
  'wsdl',
  'wsdl-link',
  'openapi',
  'openapi+json',
  'openapi-link',
  'openapi+json-link',
  'graphql-link',
  'odata',
  'odata-link',
  'grpc',
  'grpc-link',
]);

/** Inline import size limit (learn: api-management-api-import-restrictions). */
export const MAX_INLINE_BYTES = 4 * 1024 * 1024;

/** One derived operation (the ARM OperationContract properties). */
export interface ImportedOperation {
  name: string;
  properties: {
    displayName: string;
    method: string;
    urlTemplate: string;
    templateParameters: Array<{ name: string; type: string; required: boolean; values: string[] }>;
    description?: string;
    request: { queryParameters: Array<{ name: string; type: string; required: boolean; values: string[] }>; headers: never[]; representations: never[] };
    responses: Array<{ statusCode: number; description?: string; representations: never[]; headers: never[] }>;
  };
}

/** API-level facts taken from the document. */
export interface ImportResult {
  title?: string;
  description?: string;
  serviceUrl?: string;
  protocols?: string[];
  operations: ImportedOperation[];
}

/** Normalises an operationId the way APIM names operation resources. */
export function normaliseOperationName(operationId: string): string {
  return operationId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 76)
    .replace(/-+$/, '');
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface SwaggerParam {
  name?: string;
  in?: string;
  type?: string;
  required?: boolean;
  enum?: unknown[];
}

/** Parses the swagger text; throws an Error with a user-level message when it is not an OpenAPI 2.0 JSON document. */
export function importSwagger(text: string, translateRequiredQueryParameters?: string): ImportResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_INLINE_BYTES) throw new Error('The inline specification exceeds the 4 MB limit; use a link format.');
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`Parsing error(s): the specification is not valid JSON (${(e as Error).message}).`, { cause: e });
  }
  if (doc.swagger !== '2.0') throw new Error('Parsing error(s): \'swagger-json\' expects an OpenAPI 2.0 document with "swagger": "2.0".');
  const info = (doc.info ?? {}) as Record<string, unknown>;
  const paths = (doc.paths ?? {}) as Record<string, Record<string, unknown>>;
  const used = new Set<string>();
  const operations: ImportedOperation[] = [];
  for (const [p, item] of Object.entries(paths)) {
    if (!p.startsWith('/')) continue; // x- extensions at path level
    const shared = (item.parameters ?? []) as SwaggerParam[];
    for (const m of METHODS) {
      const op = item[m] as Record<string, unknown> | undefined;
      if (!op) continue;
      const params = [...shared, ...((op.parameters ?? []) as SwaggerParam[])];
      const base = normaliseOperationName(String(op.operationId ?? `${m}-${p}`)) || m;
      let name = base;
      for (let i = 1; used.has(name); i++) name = `${base.slice(0, 76 - String(i).length - 1)}-${i}`;
      used.add(name);
      const pathParams = params.filter((x) => x.in === 'path' && x.name);
      const requiredQuery = params.filter((x) => x.in === 'query' && x.required && x.name);
      const asTemplate = translateRequiredQueryParameters !== 'query';
      const qs = asTemplate && requiredQuery.length ? `?${requiredQuery.map((q) => `${q.name}={${q.name}}`).join('&')}` : '';
      const toParam = (x: SwaggerParam) => ({ name: String(x.name), type: x.type ?? 'string', required: true, values: (x.enum ?? []).map(String) });
      const responses = Object.entries((op.responses ?? {}) as Record<string, { description?: string }>)
        .filter(([code]) => /^\d{3}$/.test(code))
        .map(([code, r]) => ({ statusCode: Number(code), description: r?.description, representations: [] as never[], headers: [] as never[] }));
      const summary = typeof op.summary === 'string' ? op.summary : undefined;
      operations.push({
        name,
        properties: {
          displayName: (summary ?? String(op.operationId ?? `${m.toUpperCase()} ${p}`)).slice(0, 300),
          method: m.toUpperCase(),
          urlTemplate: p + qs,
          templateParameters: [...pathParams, ...(asTemplate ? requiredQuery : [])].map(toParam),
          ...(typeof op.description === 'string' ? { description: op.description } : {}),
          request: {
            queryParameters: params.filter((x) => x.in === 'query' && x.name && !(asTemplate && x.required)).map((x) => ({ ...toParam(x), required: !!x.required })),
            headers: [],
            representations: [],
          },
          responses,
        },
      });
    }
  }
  const schemes = Array.isArray(doc.schemes) ? (doc.schemes as string[]) : undefined;
  const host = typeof doc.host === 'string' ? doc.host : undefined;
  const basePath = typeof doc.basePath === 'string' ? doc.basePath : '';
  return {
    title: typeof info.title === 'string' ? info.title : undefined,
    description: typeof info.description === 'string' ? info.description : undefined,
    serviceUrl: host ? `${schemes?.includes('https') || !schemes ? 'https' : schemes[0]}://${host}${basePath}` : undefined,
    protocols: schemes,
    operations,
  };
}
