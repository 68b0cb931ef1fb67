/**
 * Long-running operations as APIM runs them: the write answers 201/200/202 with `Azure-AsyncOperation`
 * (→ /tenant/operationResults/{id}) and `Location`; polls answer InProgress until `lroPolls` polls were seen and
 * `lroDelayMs` passed, then Succeeded (commit) or Failed (rollback, when the lroFailed fault fired).
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
}

/** Tracks pending operations. */
export class LroTracker {
  private readonly ops = new Map<string, PendingLro>();

  constructor(private readonly opts: { polls: number; delayMs: number; retryAfterSeconds?: number }) {}

  /** Registers an operation; returns its id. */
  start(entityId: string, fail: boolean, onSucceed: () => void, onFail: () => void): string {
    const id = randomUUID().replace(/-/g, '');
    this.ops.set(id, { id, entity: entityId.toLowerCase(), startedAt: Date.now(), polls: 0, fail, status: 'InProgress', onSucceed, onFail });
    return id;
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
    if (op.status === 'InProgress') {
      op.polls++;
      if (op.polls > this.opts.polls && Date.now() - op.startedAt >= this.opts.delayMs) this.finish(op);
    }
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
