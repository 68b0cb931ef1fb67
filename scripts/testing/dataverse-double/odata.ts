/**
 * The OData v4 query options the double implements on the tables it serves: `$select` (a comma-separated column
 * list) and `$filter` with `<column> eq <literal>` terms joined by `and` (string literals in single quotes with `''`
 * escaping, numbers, true/false, null — filter-rows.md). Anything else is reported as unsupported so the double can
 * fail loudly instead of answering a query it does not understand.
 */

export type Row = Record<string, unknown>;

export interface ParsedQuery {
  select?: string[];
  filter?: Array<[string, unknown]>;
}

/** A query the double refuses: `unsupported` means "the double does not implement it" (a violation), else a 400. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly unsupported: boolean,
  ) {
    super(message);
  }
}

const TERM = /^\s*([a-z_][a-z0-9_]*)\s+eq\s+('(?:[^']|'')*'|-?\d+(?:\.\d+)?|true|false|null)\s*$/i;

/** Parses `$select`/`$filter`; other `$` options are unsupported. Column names are checked against `columns`. */
export function parseQuery(params: URLSearchParams, columns: ReadonlySet<string>, table: string): ParsedQuery {
  const out: ParsedQuery = {};
  for (const key of params.keys()) {
    if (key !== '$select' && key !== '$filter') throw new QueryError(`The query option ${key} is not implemented by the Dataverse double.`, true);
  }
  const unknown = (c: string) => new QueryError(`Could not find a property named '${c}' on type 'Microsoft.Dynamics.CRM.${table}'.`, false);
  const select = params.get('$select');
  if (select !== null) {
    out.select = select.split(',').map((s) => s.trim());
    for (const c of out.select) if (!columns.has(c)) throw unknown(c);
  }
  const filter = params.get('$filter');
  if (filter !== null) {
    out.filter = filter.split(/\s+and\s+/i).map((term) => {
      const m = TERM.exec(term);
      if (!m) throw new QueryError(`The $filter term "${term.trim()}" is not implemented by the Dataverse double (only <column> eq <literal> joined by and).`, true);
      if (!columns.has(m[1]!)) throw unknown(m[1]!);
      return [m[1]!, literal(m[2]!)];
    });
  }
  return out;
}

function literal(s: string): unknown {
  if (s.startsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  if (s === 'true' || s === 'false') return s === 'true';
  if (s === 'null') return null;
  return Number(s);
}

/** Whether a row satisfies every `eq` term (string comparison is case-insensitive, as in Dataverse). */
export function matchesFilter(row: Row, filter: ParsedQuery['filter']): boolean {
  return (filter ?? []).every(([c, v]) => {
    const actual = row[c] ?? null;
    if (typeof actual === 'string' && typeof v === 'string') return actual.toLowerCase() === v.toLowerCase();
    return actual === v;
  });
}

/** The row as returned: the selected columns (all readable ones without $select) plus the row's ETag. */
export function project(row: Row, select: string[] | undefined, etag: string): Row {
  const cols = select ?? Object.keys(row);
  return { '@odata.etag': etag, ...Object.fromEntries(cols.map((c) => [c, row[c] ?? null])) };
}
