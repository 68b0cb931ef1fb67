/**
 * The Function App's SCM (Kudu) endpoint over fetch with an ARM-audience bearer token: publish a zip (Flex
 * Consumption `/api/publish`, other plans `/api/zipdeploy?isAsync=true`) and poll the deployment to completion.
 */
import type { TokenCredential } from '@azure/core-auth';
import { AzureHttpError, bearerFetch } from './bearer-fetch';
import { sleep, withRetry, type RetryOptions, type RetryStats } from './retry';

/** Kudu DeployResult (the fields we read). status: 0 pending, 1 building, 2 deploying, 3 failed, 4 success. */
export interface ScmDeployment {
  id: string;
  status: number;
  complete?: boolean;
  message?: string;
  deployer?: string;
  status_text?: string;
}

export interface ScmClientOptions {
  credential: TokenCredential;
  audience: string;
  retry: RetryOptions;
  stats: RetryStats;
}

export class ScmClient {
  constructor(private readonly o: ScmClientOptions) {}

  private async send(method: string, url: string, body?: Buffer): Promise<{ status: number; json: unknown; location?: string; retryAfter?: string }> {
    const { res, text } = await bearerFetch(this.o.credential, this.o.audience, url, {
      method,
      ...(body ? { headers: { 'content-type': 'application/zip', 'cache-control': 'no-cache' }, body: new Uint8Array(body) } : {}),
    });
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    if (res.status >= 400 && res.status !== 404) {
      const err = (json as { error?: { code?: string; message?: string }; Message?: string }) ?? {};
      // Kudu answers 409 while another deployment runs: a conflict the step waits out and re-plans.
      const code = err.error?.code ?? (res.status === 409 ? 'Conflict' : `HTTP${res.status}`);
      throw new AzureHttpError(
        res.status,
        code,
        `${method} ${new URL(url).pathname} → ${res.status} ${code}: ${err.error?.message ?? err.Message ?? text.slice(0, 200)}`,
        res.headers.get('retry-after') ?? undefined,
      );
    }
    return { status: res.status, json, location: res.headers.get('location') ?? undefined, retryAfter: res.headers.get('retry-after') ?? undefined };
  }

  /** The latest deployment, or undefined when the app never had one. */
  async latest(base: string): Promise<ScmDeployment | undefined> {
    const r = await withRetry(() => this.send('GET', `${base}/api/deployments/latest`), this.o.retry, this.o.stats);
    return r.status === 404 ? undefined : (r.json as ScmDeployment);
  }

  /** Uploads the package; `marker` is recorded as the deployment message so an unchanged package is recognised. */
  async publish(base: string, zip: Buffer, flex: boolean, marker: string): Promise<{ location?: string; id?: string }> {
    const q = new URLSearchParams(flex ? { RemoteBuild: 'false', Deployer: 'connectorkit', message: marker } : { isAsync: 'true', Deployer: 'connectorkit', message: marker });
    const url = `${base}/api/${flex ? 'publish' : 'zipdeploy'}?${q}`;
    // Re-sending the same package is harmless (same content, same marker), so transient failures are retried.
    const r = await withRetry(() => this.send('POST', url, zip), this.o.retry, this.o.stats);
    const id = typeof r.json === 'object' && r.json ? (r.json as { id?: string }).id : typeof r.json === 'string' ? r.json.replace(/"/g, '') : undefined;
    return { location: r.location, id: id || undefined };
  }

  /** Polls until the deployment completes; returns it (status 4 = success, 3 = failed). */
  async wait(base: string, started: { location?: string; id?: string }, deadline: number): Promise<ScmDeployment> {
    const url = started.location ? new URL(started.location, base).toString() : started.id ? `${base}/api/deployments/${started.id}` : `${base}/api/deployments/latest`;
    for (;;) {
      const r = await withRetry(() => this.send('GET', url), this.o.retry, this.o.stats);
      const d = r.json as ScmDeployment | undefined;
      if (d && (d.complete === true || d.status === 3 || d.status === 4) && r.status !== 202) return d;
      if (Date.now() > deadline) throw Object.assign(new Error(`deployment did not complete before the timeout`), { timeout: true });
      await sleep(this.o.retry.pollIntervalMs ?? Math.min(this.o.retry.maxDelayMs, Number(r.retryAfter ?? 2) * 1000));
    }
  }
}
