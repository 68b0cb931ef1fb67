/**
 * The fetch-based Azure endpoints (Microsoft Graph, the Function App's SCM site): one bearer-token request helper
 * and one error type, so the deploy's retry policy and hint table treat their failures like ARM errors.
 */
import type { TokenCredential } from '@azure/core-auth';

/** An error answer of Graph or SCM: HTTP status, the service's error code, and Retry-After when sent. */
export class AzureHttpError extends Error {
  constructor(
    readonly status: number,
    readonly azureCode: string,
    message: string,
    readonly retryAfter?: string,
  ) {
    super(message);
    this.name = 'AzureHttpError';
  }
}

/** Sends one request with a token for `${audience}/.default`; returns the response and its body text (any status). */
export async function bearerFetch(
  credential: TokenCredential,
  audience: string,
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: RequestInit['body'] },
): Promise<{ res: Response; text: string }> {
  const token = await credential.getToken(`${audience}/.default`);
  const res = await fetch(url, {
    method: init.method,
    headers: { authorization: `Bearer ${token?.token ?? ''}`, accept: 'application/json', ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  return { res, text: await res.text() };
}

/**
 * The AzureHttpError of a non-2xx answer whose body is the `{"error":{"code","message"}}` shape Graph and the
 * Dataverse Web API share (another body keeps `HTTP<status>` and its first 300 characters). `label` names the
 * request in the message, e.g. `GET /v1.0/applications`.
 */
export function errorFromResponse(res: Response, text: string, label: string): AzureHttpError {
  let code = `HTTP${res.status}`;
  let message = text.slice(0, 300);
  try {
    const j = JSON.parse(text) as { error?: { code?: string; message?: string } };
    code = j.error?.code ?? code;
    message = j.error?.message ?? message;
  } catch {
    /* not the JSON error body */
  }
  return new AzureHttpError(res.status, code, `${label} → ${res.status} ${code}: ${message}`, res.headers.get('retry-after') ?? undefined);
}
