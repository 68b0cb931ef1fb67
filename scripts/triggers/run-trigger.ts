/**
 * `connectorkit trigger`: plays the platform against a running API. Webhook: subscribes with a local receiver,
 * reports each notification (checking its signature), unsubscribes on the way out. Polling: polls, following
 * `Location` and waiting `Retry-After` (capped by `intervalSeconds`), reporting each 200 batch.
 */
import { CkError } from '../core/errors';
import type { IoHost } from '../core/io';
import { verifyDeliverySignature } from '../runtime/triggers/signature';
import type { TriggerOperation } from './find-trigger';
import { startReceiver, type Notification } from './receiver';

export interface RunTriggerOptions {
  trigger: TriggerOperation;
  /** API base including the route prefix, e.g. http://127.0.0.1:7071/api. */
  baseUrl: string;
  /** Bearer token (omit for an API without auth). */
  token?: string;
  /** Stop after this many notifications / batches (default: until aborted). */
  count?: number;
  /** Polling: never wait longer than this between polls (default: Retry-After as given). */
  intervalSeconds?: number;
  signal: AbortSignal;
  /** Called once the webhook is subscribed or the first poll answered (tests start the event then). */
  onReady?: () => void;
}

export interface TriggerEvent {
  /** Webhook: the delivery id; polling: the poll number. */
  id: string;
  /** Webhook: whether x-ck-signature verified with the subscription's key. */
  signatureValid?: boolean;
  items: unknown[];
}

export interface RunTriggerResult {
  operationId: string;
  kind: 'webhook' | 'polling';
  events: TriggerEvent[];
  /** Webhook: whether the subscription was removed at the end. */
  unsubscribed?: boolean;
}

async function call(method: string, url: string, token: string | undefined, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  } catch (e) {
    throw new CkError({ code: 'CK_TRIGGER_CALL_FAILED', message: `${method} ${url} failed: ${(e as Error).message}`, cause: e });
  }
}

async function failure(method: string, url: string, r: Response): Promise<CkError> {
  return new CkError({ code: 'CK_TRIGGER_CALL_FAILED', message: `${method} ${url} answered ${r.status}: ${(await r.text()).slice(0, 500)}` });
}

const done = (signal: AbortSignal) => new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));

export async function runTrigger(io: IoHost, o: RunTriggerOptions): Promise<RunTriggerResult> {
  return o.trigger.kind === 'webhook' ? webhook(io, o) : polling(io, o);
}

async function webhook(io: IoHost, o: RunTriggerOptions): Promise<RunTriggerResult> {
  const events: TriggerEvent[] = [];
  const stop = new AbortController();
  const finish = () => stop.abort();
  o.signal.addEventListener('abort', finish, { once: true });
  let key = '';
  const receiver = await startReceiver({
    onNotification: (n: Notification) => {
      let payload: unknown = n.body;
      try {
        payload = JSON.parse(n.body);
      } catch {
        /* reported as text */
      }
      const signatureValid = verifyDeliverySignature(key, n.body, n.signature);
      events.push({ id: n.deliveryId ?? '', signatureValid, items: [payload] });
      io.log({
        level: 'info',
        message: `notification ${n.deliveryId} (signature ${signatureValid ? 'valid' : 'INVALID'}):\n${JSON.stringify(payload, null, 2)}`,
        data: { deliveryId: n.deliveryId, signatureValid, payload },
      });
      if (o.count && events.length >= o.count) finish();
    },
  });
  const url = `${o.baseUrl}${o.trigger.path}`;
  let location: string | null | undefined;
  try {
    const r = await call('POST', url, o.token, { [o.trigger.callbackProperty ?? 'callbackUrl']: `${receiver.url}/notify` });
    if (r.status !== 201) throw await failure('POST', url, r);
    const sub = (await r.json()) as { id?: string; signingKey?: string };
    key = sub.signingKey ?? '';
    location = r.headers.get('location');
    io.log({ level: 'info', message: `Subscribed to ${o.trigger.operationId} (subscription ${sub.id}); receiving at ${receiver.url}/notify. Waiting for notifications (Ctrl+C to stop)…` });
    o.onReady?.();
    await done(stop.signal);
  } finally {
    o.signal.removeEventListener('abort', finish);
    await receiver.close();
  }
  let unsubscribed = false;
  if (location) {
    const d = await call('DELETE', location, o.token);
    unsubscribed = d.status >= 200 && d.status < 300;
    io.log({ level: unsubscribed ? 'info' : 'warn', message: unsubscribed ? `Unsubscribed (${location}).` : `Unsubscribe answered ${d.status} (${location}).` });
  }
  return { operationId: o.trigger.operationId, kind: 'webhook', events, unsubscribed };
}

async function polling(io: IoHost, o: RunTriggerOptions): Promise<RunTriggerResult> {
  const events: TriggerEvent[] = [];
  let url = `${o.baseUrl}${o.trigger.path}`;
  for (let n = 1; !o.signal.aborted; n++) {
    const r = await call('GET', url, o.token);
    if (r.status !== 200 && r.status !== 202) throw await failure('GET', url, r);
    const next = r.headers.get('location');
    const retryAfter = Number(r.headers.get('retry-after') ?? '');
    if (r.status === 200) {
      const body = (await r.json()) as { value?: unknown[] };
      const items = Array.isArray(body.value) ? body.value : [body];
      events.push({ id: String(n), items });
      io.log({ level: 'info', message: `batch ${events.length}: ${items.length} item(s)\n${JSON.stringify(items, null, 2)}`, data: { items } });
    } else {
      await r.arrayBuffer();
      io.log({ level: 'debug', message: `poll ${n}: 202, nothing new; next ${next ?? '(same URL)'} after ${Number.isFinite(retryAfter) ? retryAfter : '?'} s` });
    }
    if (n === 1) o.onReady?.();
    if (o.count && events.length >= o.count) break;
    if (next) url = new URL(next, url).toString();
    const waitS = Math.min(Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 60, o.intervalSeconds ?? Infinity);
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, waitS * 1000);
      o.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  }
  return { operationId: o.trigger.operationId, kind: 'polling', events };
}
