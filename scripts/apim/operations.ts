/**
 * The APIM operation names a swagger-json import produces: the operationId lowercased, each run of
 * non-alphanumerics turned into '-', trimmed, cut to 76 characters (learn: api-management-api-import-restrictions).
 * Used to tell, before importing, which operations the re-import will delete.
 */
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

export function operationResourceName(operationId: string): string {
  return operationId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 76)
    .replace(/-+$/, '');
}

/** Operation resource names of a Swagger 2.0 document, sorted. */
export function specOperations(spec: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [p, item] of Object.entries((spec.paths ?? {}) as Record<string, Record<string, { operationId?: string }>>)) {
    if (!p.startsWith('/')) continue;
    for (const m of METHODS) {
      const op = item[m];
      if (op) out.push(operationResourceName(op.operationId ?? `${m}-${p}`));
    }
  }
  return out.sort();
}
