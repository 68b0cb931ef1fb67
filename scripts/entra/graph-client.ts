/**
 * Microsoft Graph v1.0 over fetch, with a token from @azure/identity for the cloud's Graph audience. Failures are
 * thrown as AzureHttpError (status, Graph error code, Retry-After) so the deploy's retry and hint tables treat them
 * like ARM errors.
 */
import type { TokenCredential } from '@azure/core-auth';
import { withRetry, type RetryOptions, type RetryStats, bearerFetch, errorFromResponse } from '../deploy/providers/kit';

export interface GraphClientOptions {
  endpoint: string;
  audience: string;
  credential: TokenCredential;
  retry: RetryOptions;
  stats: RetryStats;
}

/** A minimal Graph client: JSON in, JSON out, retries on transient failures. */
export class GraphClient {
  constructor(private readonly o: GraphClientOptions) {}

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { res, text } = await bearerFetch(this.o.credential, this.o.audience, `${this.o.endpoint}/v1.0/${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw errorFromResponse(res, text, `${method} /v1.0/${path.split('?')[0]}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** GET with retries (reads are always safe to repeat). */
  get<T>(path: string): Promise<T> {
    return withRetry(() => this.send<T>('GET', path), this.o.retry, this.o.stats);
  }

  /** PATCH is idempotent (same body → same state): retried. */
  patch(path: string, body: unknown): Promise<void> {
    return withRetry(() => this.send<void>('PATCH', path, body), this.o.retry, this.o.stats);
  }

  /** DELETE is idempotent (repeating it leaves the same state; a second one answers 404, which callers may accept): retried. */
  delete(path: string): Promise<void> {
    return withRetry(() => this.send<void>('DELETE', path), this.o.retry, this.o.stats);
  }

  /**
   * POST creates are NOT blindly retried: a lost response may have created the object. The caller re-reads by
   * its unique key and decides (see ../deploy/providers/entra.ts), which is what keeps apps from being duplicated.
   */
  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  /** Lists with an `eq` filter on one property (values are OData-quoted). */
  async listBy<T>(collection: string, prop: string, value: string): Promise<T[]> {
    const filter = encodeURIComponent(`${prop} eq '${value.replace(/'/g, "''")}'`);
    const r = await this.get<{ value: T[] }>(`${collection}?$filter=${filter}`);
    return r.value;
  }
}
