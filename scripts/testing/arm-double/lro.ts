/**
 * Long-running operations. APIM's entity writes answer 201/200/202 with `Azure-AsyncOperation`
 * (→ /tenant/operationResults/{id}) and `Location`; the provisioning writes (resource group delete, storage account
 * create, APIM service create) answer with a `Location` at `/subscriptions/{s}/operationresults/{id}` only, which
 * answers 202 while running and then the operation's final answer. Polls answer InProgress until `lroPolls` (or the
 * operation's own count) polls were seen and `lroDelayMs` passed, then Succeeded (commit) or Failed (rollback, when
 * the lroFailed fault fired).
 */
import { randomUUID } from 'node:crypto';
import type { DoubleResponse } from '../doubles-common';

interface PendingLro {
  id: string;
  /** Lower-cased id of the entity it changes (a later write to it settles this one first). */
  entity: string;
  startedAt: number;
  polls: number;
  fail: boolean;
  status: 'InProgress' | 'Succeeded' | 'Failed';
  endTime?: string;
  /** Runs once when the operation ends. */
  onSucceed(): void;
  onFail(): void;
  extra: LroExtra;
}

/** Options of one operation beyond the tracker's defaults. */
export interface LroExtra {
  /** Polls before it completes (default: the tracker's `polls`). */
  polls?: number;
  /** Called after each counted poll with the count so far (e.g. APIM's Created → Activating). */
  onPoll?(polls: number): void;
  /** The final answer of a Location poll once Succeeded (default 200 without body). */
  result?(): DoubleResponse;
  /** The request that started it: the final Location answer is checked against that operation's responses. */
  origin?: { url: string; method: string };
}

/** Tracks pending operations. */
export class LroTracker {
  private readonly ops = new Map<string, PendingLro>();

  constructor(private readonly opts: { polls: number; delayMs: number; retryAfterSeconds?: number }) {}

  /** Registers an operation; returns its id. */
  start(entityId: string, fail: boolean, onSucceed: () => void, onFail: () => void, extra: LroExtra = {}): string {
    const id = randomUUID().replace(/-/g, '');
    this.ops.set(id, { id, entity: entityId.toLowerCase(), startedAt: Date.now(), polls: 0, fail, status: 'InProgress', onSucceed, onFail, extra });
    return id;
  }

  /** The `Location` (+ Retry-After) of a provisioning LRO: the generic poll URL at the double's base. */
  locationHeaders(base: string, subscriptionId: string, opId: string, apiVersion: string): Record<string, string> {
    return { location: `${base}/subscriptions/${subscriptionId}/operationresults/${opId}?api-version=${apiVersion}`, 'retry-after': String(this.opts.retryAfterSeconds ?? 0) };
  }

  /** The request that started operation `id` (undefined when unknown). */
  origin(id: string): { url: string; method: string } | undefined {
    return this.ops.get(id)?.extra.origin;
  }

  /** True while an operation on exactly `entityId` is running. */
  running(entityId: string): boolean {
    const key = entityId.toLowerCase();
    return [...this.ops.values()].some((op) => op.status === 'InProgress' && op.entity === key);
  }

  /** The id of the running operation on exactly `entityId`, if any (a repeated request joins it). */
  runningOp(entityId: string): string | undefined {
    const key = entityId.toLowerCase();
    return [...this.ops.values()].find((op) => op.status === 'InProgress' && op.entity === key)?.id;
  }

  /** Counts one poll on each running operation of `entityId` (a GET of a resource being provisioned observes it). */
  advance(entityId: string): void {
    const key = entityId.toLowerCase();
    for (const op of this.ops.values()) if (op.status === 'InProgress' && op.entity === key) this.count(op);
  }

  /** Answers one poll of the generic Location URL: 202 + Location while running, then the final answer. */
  pollLocation(id: string, selfUrl: string): DoubleResponse {
    const op = this.ops.get(id);
    if (!op) return { status: 404, body: { error: { code: 'ResourceNotFound', message: `Operation ${id} not found.` } } };
    if (op.status === 'InProgress') this.count(op);
    if (op.status === 'InProgress') return { status: 202, headers: { location: selfUrl, 'retry-after': String(this.opts.retryAfterSeconds ?? 0) } };
    if (op.status === 'Failed') return { status: 400, body: { error: { code: 'OperationFailed', message: 'The long-running operation failed (injected lroFailed fault); no change was applied.' } } };
    return op.extra.result?.() ?? { status: 200 };
  }

  private count(op: PendingLro): void {
    op.polls++;
    op.extra.onPoll?.(op.polls);
    if (op.polls >= (op.extra.polls ?? this.opts.polls + 1) && Date.now() - op.startedAt >= this.opts.delayMs) this.finish(op);
  }

  /** Ends pending operations on `entityId` (or under it) before a new write touches it. */
  settle(entityId: string): void {
    const key = entityId.toLowerCase();
    for (const op of this.ops.values()) if (op.status === 'InProgress' && (op.entity === key || op.entity.startsWith(`${key}/`) || key.startsWith(`${op.entity}/`))) this.finish(op);
  }

  /** The headers an LRO-starting response carries (URLs at the double's own base). */
  headers(base: string, serviceId: string, entityPath: string, apiVersion: string, opId: string, asyncCode: number): Record<string, string> {
    return {
      location: `${base}${entityPath}?api-version=${apiVersion}&asyncId=${opId}&asyncCode=${asyncCode}`,
      'azure-asyncoperation': `${base}${serviceId}/tenant/operationResults/${opId}?api-version=${apiVersion}`,
      'retry-after': String(this.opts.retryAfterSeconds ?? 0),
    };
  }

  /** Answers one poll of `/tenant/operationResults/{id}` (body = common-types OperationStatusResult). */
  poll(id: string, pollPath: string): DoubleResponse {
    const op = this.ops.get(id);
    if (!op) return { status: 404, body: { error: { code: 'ResourceNotFound', message: `Operation ${id} not found.` } } };
    if (op.status === 'InProgress') this.count(op);
    const body: Record<string, unknown> = { id: pollPath, name: id, status: op.status, startTime: new Date(op.startedAt).toISOString() };
    if (op.endTime) body.endTime = op.endTime;
    if (op.status === 'Failed') body.error = { code: 'OperationFailed', message: 'The long-running operation failed (injected lroFailed fault); no change was applied.' };
    return { status: 200, headers: op.status === 'InProgress' ? { 'retry-after': String(this.opts.retryAfterSeconds ?? 0) } : {}, body };
  }

  /** Completes every pending operation (e.g. when a later write supersedes it, or at reset). */
  settleAll(): void {
    for (const op of this.ops.values()) if (op.status === 'InProgress') this.finish(op);
  }

  private finish(op: PendingLro): void {
    op.status = op.fail ? 'Failed' : 'Succeeded';
    op.endTime = new Date().toISOString();
    if (op.fail) op.onFail();
    else op.onSucceed();
  }

  clear(): void {
    this.ops.clear();
  }
}
