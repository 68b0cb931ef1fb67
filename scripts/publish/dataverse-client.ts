/**
 * The Dataverse Web API (v9.2) over fetch with a token for the environment URL from the deploy credential. Failures
 * are AzureHttpError (status, Dataverse's hex error code, Retry-After), so the deploy engine's retry and re-plan
 * rules apply: 429 service-protection and 5xx are re-sent after Retry-After, 412 re-plans the step.
 */
import type { TokenCredential } from '@azure/core-auth';
import { bearerFetch, errorFromResponse, withRetry, type RetryOptions, type RetryStats } from '../deploy';

export interface DataverseClientOptions {
  environmentUrl: string;
  credential: TokenCredential;
  retry: RetryOptions;
  stats: RetryStats;
  /** Solution the writes are made in (MSCRM.SolutionUniqueName). */
  solution?: string;
}

export type Row = Record<string, unknown>;

const API = '/api/data/v9.2/';

/** OData-quotes a string literal for $filter (filter-rows.md: `'` is doubled). */
export function odataString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export class DataverseClient {
  constructor(private readonly o: DataverseClientOptions) {}

  /** Sends one request; returns the parsed body (or undefined) and the response headers. */
  async send<T>(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<{ body: T; headers: Headers; status: number }> {
    const headers: Record<string, string> = { 'odata-version': '4.0', 'odata-maxversion': '4.0', ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    const { res, text } = await bearerFetch(this.o.credential, this.o.environmentUrl, `${this.o.environmentUrl}${API}${path}`, {
      method,
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    if (!res.ok) throw errorFromResponse(res, text, `${method} ${API}${path.split('?')[0]}`);
    return { body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers, status: res.status };
  }

  /** GET with retries (reads are safe to repeat). */
  async get<T>(path: string): Promise<T> {
    return (await withRetry(() => this.send<T>('GET', path), this.o.retry, this.o.stats)).body;
  }

  /** Rows of `table` where `column eq value`, with the selected columns. */
  async listBy(table: string, column: string, value: string, select: string[]): Promise<Row[]> {
    const q = `$select=${select.join(',')}&$filter=${encodeURIComponent(`${column} eq ${odataString(value)}`)}`;
    return (await this.get<{ value: Row[] }>(`${table}?${q}`)).value;
  }

  private solutionHeader(): Record<string, string> {
    return this.o.solution ? { 'MSCRM.SolutionUniqueName': this.o.solution } : {};
  }

  /**
   * Creates a row and returns it (Prefer: return=representation). Not blindly retried: a lost answer may have
   * created the row; the caller re-reads by key.
   */
  async create(table: string, body: Row, select: string[]): Promise<Row> {
    const r = await this.send<Row>('POST', `${table}?$select=${select.join(',')}`, { body, headers: { prefer: 'return=representation', ...this.solutionHeader() } });
    return r.body;
  }

  /**
   * Updates a row only if it is still the version read (If-Match: the ETag): a concurrent edit is a 412, which the
   * engine answers by re-reading and re-planning. 429/5xx are re-sent (the same If-Match makes a resend safe).
   */
  async update(table: string, id: string, etag: string, body: Row): Promise<void> {
    await withRetry(() => this.send('PATCH', `${table}(${id})`, { body, headers: { 'if-match': etag, ...this.solutionHeader() } }), this.o.retry, this.o.stats);
  }
}
