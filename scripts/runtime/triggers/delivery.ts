/**
 * Reliable webhook delivery through an outbox in Table Storage.
 *
 * publish() → (in the background) one delivery row per subscriber, written in ONE batch transaction, then each row
 * is POSTed. A row is owned by whoever last moved its `dueAt` forward with If-Match on its ETag (a lease): the
 * writer owns fresh rows; after a failure the row is due again after a backoff; a row whose `dueAt` has passed is
 * claimed by any instance's sweep (a restarted host, or another instance). The row is deleted once the receiver
 * answered 2xx, or 404/410 (the subscription is removed too), or another 4xx, or the delivery is older than
 * maxDeliveryAgeMs.
 *
 * Guarantee: at-least-once for every event whose publish() has resolved with `recorded` — a restart, crash or
 * scale-in before the POST succeeded only delays it. Every attempt of one delivery carries the same
 * `x-ck-delivery-id`; a second 2xx-acknowledged copy can only happen when the host stops between the receiver's
 * 2xx and the row's deletion, and the id lets a receiver drop it. Events raised by a request whose host stops
 * before the outbox write completes (a few ms) are lost; await publish() when that matters.
 */
import { randomUUID } from 'node:crypto';
import type { TableEntity } from '@azure/data-tables';
import { DELIVERY_ID_HEADER, SIGNATURE_HEADER, TRIGGER_HEADER, signDelivery } from './signature';
import { listSubscriptions, type SubscriptionEntity } from './subscriptions';
import { DELIVERY_PARTITION, openTriggerTable, subscriptionPartition, type TriggerTable } from './table';
import { readTriggerSettings, type TriggerSettings } from './settings';

interface DeliveryEntity {
  partitionKey: string;
  rowKey: string;
  trigger: string;
  subscriptionId: string;
  callbackUrl: string;
  secret: string;
  payload: string;
  eventAt: Date;
  attempts: number;
  dueAt: Date;
}
type Row = DeliveryEntity & { etag: string };

/** What publish() reports; it never rejects, so an un-awaited publish cannot crash the worker. */
export interface PublishResult {
  eventId: string;
  /** Deliveries written to the outbox (one per subscriber). */
  recorded: number;
  /** Set when the outbox could not be written; the event is then lost (and logged). */
  error?: string;
}

/** Table Storage keeps a string property ≤ 64 KiB (32 K UTF-16 characters); larger payloads are refused. */
const MAX_PAYLOAD_CHARS = 32_000;

const log = (msg: string) => console.log(`[triggers] ${msg}`);

export class Dispatcher {
  private readonly inFlight = new Set<string>();
  private sweepTimer?: NodeJS.Timeout;
  private readonly timers = new Set<NodeJS.Timeout>();
  private table?: TriggerTable;
  /** Subscribers per trigger, kept subscriptionCacheMs; this instance's own subscribe/unsubscribe/drop refresh it. */
  private readonly subscribers = new Map<string, { at: number; subs: Promise<SubscriptionEntity[]> }>();

  constructor(readonly settings: TriggerSettings) {}

  private t(): TriggerTable {
    return (this.table ??= openTriggerTable(this.settings));
  }

  private leaseMs(): number {
    return this.settings.deliveryTimeoutMs * 2;
  }

  /** Forgets the cached subscribers of a trigger (after a subscribe, unsubscribe or drop on this instance). */
  invalidate(trigger: string): void {
    this.subscribers.delete(trigger);
  }

  private subscribersOf(trigger: string): Promise<SubscriptionEntity[]> {
    const hit = this.subscribers.get(trigger);
    if (hit && Date.now() - hit.at < this.settings.subscriptionCacheMs) return hit.subs;
    const subs = listSubscriptions(this.t(), trigger);
    this.subscribers.set(trigger, { at: Date.now(), subs });
    subs.catch(() => this.subscribers.delete(trigger));
    return subs;
  }

  /** Starts the periodic sweep for deliveries whose owner stopped (idempotent). */
  start(): void {
    if (this.sweepTimer) return;
    const tick = () => {
      this.sweepTimer = setTimeout(() => void this.sweep().finally(tick), this.settings.sweepMs);
      this.sweepTimer.unref?.();
    };
    // The first sweep runs at once: a restarted host picks up what its predecessor left.
    void this.sweep().finally(tick);
  }

  stop(): void {
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  publish(trigger: string, payload: unknown): Promise<PublishResult> {
    const eventId = randomUUID();
    // Serialised now (the caller may change the object afterwards). The storage work starts publishDelayMs later:
    // the response of the request that raised the event is still being serialised and sent when the handler
    // returns, and the outbox calls must not compete with it for the worker's CPU (measured in bench/triggers).
    let body: string;
    try {
      body = JSON.stringify(payload ?? null);
    } catch (e) {
      return Promise.resolve(this.notRecorded(trigger, eventId, e));
    }
    return new Promise((resolve) => setTimeout(() => void this.record(trigger, eventId, body).then(resolve), this.settings.publishDelayMs));
  }

  private notRecorded(trigger: string, eventId: string, e: unknown): PublishResult {
    const error = e instanceof Error ? e.message : String(e);
    log(`event ${eventId} of ${trigger} NOT recorded: ${error}`);
    return { eventId, recorded: 0, error };
  }

  private async record(trigger: string, eventId: string, body: string): Promise<PublishResult> {
    try {
      if (body.length > MAX_PAYLOAD_CHARS) throw new Error(`the payload is ${body.length} characters; at most ${MAX_PAYLOAD_CHARS} fit one outbox row`);
      const t = this.t();
      const subs = await this.subscribersOf(trigger);
      if (subs.length === 0) return { eventId, recorded: 0 };
      const now = new Date();
      const rows: DeliveryEntity[] = subs.map((s) => ({
        partitionKey: DELIVERY_PARTITION,
        rowKey: `${eventId}_${s.rowKey}`,
        trigger,
        subscriptionId: s.rowKey,
        callbackUrl: s.callbackUrl,
        secret: s.secret,
        payload: body,
        eventAt: now,
        attempts: 0,
        // Owned by this instance from the start: no claim round trip before the first POST.
        dueAt: new Date(now.getTime() + this.leaseMs()),
      }));
      const etags = new Map<string, string>();
      for (let i = 0; i < rows.length; i += 100) {
        const chunk = rows.slice(i, i + 100);
        const r = await t.client.submitTransaction(
          chunk.map((e) => ['create', e as unknown as TableEntity]),
          { abortSignal: t.signal() },
        );
        for (const s of r.subResponses) if (s.rowKey && s.etag) etags.set(s.rowKey, s.etag);
      }
      log(`event ${eventId} of ${trigger}: ${rows.length} deliver${rows.length === 1 ? 'y' : 'ies'} recorded`);
      this.start();
      for (const row of rows) {
        const etag = etags.get(row.rowKey);
        // Without the ETag the row is left to the sweep (after its lease), never sent unowned.
        if (etag) void this.send({ ...row, etag });
      }
      return { eventId, recorded: rows.length };
    } catch (e) {
      return this.notRecorded(trigger, eventId, e);
    }
  }

  /** Claims every due row (dueAt passed: its owner stopped or its backoff ended) and sends it. */
  async sweep(): Promise<void> {
    try {
      const t = this.t();
      await t.ready();
      const filter = `PartitionKey eq '${DELIVERY_PARTITION}' and dueAt le datetime'${new Date().toISOString()}'`;
      const due: Row[] = [];
      for await (const e of t.client.listEntities<DeliveryEntity>({ queryOptions: { filter }, abortSignal: t.signal() })) due.push(e as Row);
      for (const row of due) if (!this.inFlight.has(row.rowKey)) void this.claimAndSend(row);
    } catch (e) {
      log(`sweep failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async claimAndSend(row: Row): Promise<void> {
    const t = this.t();
    const dueAt = new Date(Date.now() + this.leaseMs());
    try {
      const r = await t.client.updateEntity({ partitionKey: row.partitionKey, rowKey: row.rowKey, dueAt }, 'Merge', { etag: row.etag, abortSignal: t.signal() });
      if (!r.etag) return;
      await this.send({ ...row, dueAt, etag: r.etag });
    } catch (e) {
      const status = (e as { statusCode?: number }).statusCode;
      // 412: another instance claimed it first; 404: already delivered. Anything else: the sweep tries again.
      if (status !== 412 && status !== 404) log(`claim of delivery ${row.rowKey} failed: ${(e as Error).message}`);
    }
  }

  private async send(row: Row): Promise<void> {
    if (this.inFlight.has(row.rowKey)) return;
    this.inFlight.add(row.rowKey);
    const attempt = row.attempts + 1;
    let status = 0;
    let retryAfter: string | null = null;
    let failure = '';
    try {
      const res = await fetch(row.callbackUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signDelivery(row.secret, row.payload),
          [DELIVERY_ID_HEADER]: row.rowKey,
          [TRIGGER_HEADER]: row.trigger,
        },
        body: row.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.deliveryTimeoutMs),
      });
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      await res.arrayBuffer().catch(() => undefined);
    } catch (e) {
      failure = (e as Error).name === 'TimeoutError' ? 'timed out' : `network error (${(e as Error).message})`;
    }
    try {
      await this.settle(row, attempt, status, retryAfter, failure);
    } finally {
      this.inFlight.delete(row.rowKey);
    }
  }

  private async settle(row: Row, attempt: number, status: number, retryAfter: string | null, failure: string): Promise<void> {
    const t = this.t();
    const what = `delivery ${row.rowKey} of ${row.trigger} (attempt ${attempt})`;
    const remove = () => t.client.deleteEntity(row.partitionKey, row.rowKey, { etag: row.etag, abortSignal: t.signal() }).catch(() => undefined);
    if (status >= 200 && status < 300) {
      await remove();
      log(`${what} delivered: ${status}`);
      return;
    }
    if (status === 404 || status === 410) {
      log(`${what} answered ${status}: subscription ${row.subscriptionId} removed`);
      await t.client.deleteEntity(subscriptionPartition(row.trigger), row.subscriptionId, { abortSignal: t.signal() }).catch(() => undefined);
      this.invalidate(row.trigger);
      await remove();
      return;
    }
    const retryable = !status || status === 408 || status === 429 || status >= 500;
    const reason = failure || `answered ${status}`;
    if (!retryable) {
      log(`${what} ${reason}: dropped (not retried)`);
      await remove();
      return;
    }
    const backoff = this.backoff(attempt, retryAfter);
    if (Date.now() + backoff - new Date(row.eventAt).getTime() > this.settings.maxDeliveryAgeMs) {
      log(`${what} ${reason}: dropped after ${attempt} attempts (older than ${this.settings.maxDeliveryAgeMs} ms)`);
      await remove();
      return;
    }
    const dueAt = new Date(Date.now() + backoff);
    try {
      const r = await t.client.updateEntity({ partitionKey: row.partitionKey, rowKey: row.rowKey, attempts: attempt, dueAt }, 'Merge', { etag: row.etag, abortSignal: t.signal() });
      log(`${what} ${reason}: retry in ${backoff} ms`);
      const next: Row = { ...row, attempts: attempt, dueAt, etag: r.etag ?? row.etag };
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.claimAndSend(next);
      }, backoff);
      timer.unref?.();
      this.timers.add(timer);
    } catch (e) {
      // The row keeps its lease; the sweep retries it once the lease ends.
      log(`${what} ${reason}: could not record the retry (${(e as Error).message}); the sweep will retry`);
    }
  }

  /** Exponential backoff from retryBaseMs, capped at retryMaxMs, with ±20 % jitter; a 429's Retry-After wins if longer. */
  private backoff(attempt: number, retryAfter: string | null): number {
    const { retryBaseMs, retryMaxMs } = this.settings;
    const exp = Math.min(retryMaxMs, retryBaseMs * 2 ** (attempt - 1));
    const jittered = Math.round(exp * (0.8 + Math.random() * 0.4));
    const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) * 1000 : 0;
    return Math.min(retryMaxMs, Math.max(jittered, seconds));
  }
}

let shared: Dispatcher | undefined;

/** The process's dispatcher (settings read once from the app settings). */
export function dispatcher(): Dispatcher {
  return (shared ??= new Dispatcher(readTriggerSettings()));
}

/**
 * Starts delivering: the generated registrations call this at app start when the app declares webhook triggers, so
 * a restarted host resumes the deliveries its predecessor left in the outbox.
 */
export function startTriggerDelivery(): void {
  if (!(process.env.AzureWebJobsStorage || process.env.AzureWebJobsStorage__accountName || process.env.AzureWebJobsStorage__tableServiceUri)) return;
  dispatcher().start();
}
