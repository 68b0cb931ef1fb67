/**
 * Employees in Azure Table Storage: one partition, RowKey = employee ID. Optimistic concurrency uses the entity's
 * ETag; paging uses the service's continuation token, which the controller carries in `nextLink`.
 */
import type { TableClient } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import { EmploymentStatus, type Address, type CreateEmployeeRequest, type Employee, type UpdateEmployeeRequest } from '../models/employee';
import { ApiErrorCode, apiError } from '../errors';
import { createTableClient, DEFAULT_STORAGE_TIMEOUT_MS, readTableSettings, type TableSettings } from './table-client';
import { isConflict, isNotFound, isPreconditionFailed, storageFailure } from './storage-errors';

const PARTITION = 'employee';

/**
 * A stored employee: the Employee model's own fields, minus what the row carries elsewhere (id = RowKey, etag =
 * the entity's ETag) or derives (displayName); the address is JSON text because Table Storage has no nested values.
 */
type EmployeeEntity = Omit<Employee, 'id' | 'etag' | 'displayName' | 'workAddress'> & {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  workAddressJson?: string;
};

export interface ListQuery {
  department?: string;
  status?: EmploymentStatus;
  top: number;
  continuationToken?: string;
}

export class EmployeeStore {
  private ready?: Promise<void>;
  /** @param timeoutMs upper bound on the whole of one storage call, retries included. */
  constructor(
    private readonly client: TableClient,
    private readonly timeoutMs: number = DEFAULT_STORAGE_TIMEOUT_MS,
  ) {}

  private signal(): AbortSignal {
    return AbortSignal.timeout(this.timeoutMs);
  }

  /** Creates the table on first use; a failed attempt is retried on the next call. */
  private ensureTable(): Promise<void> {
    this.ready ??= this.client.createTable({ abortSignal: this.signal() }).then(
      () => undefined,
      (e) => {
        this.ready = undefined;
        if (isConflict(e)) return;
        throw storageFailure(e);
      },
    );
    return this.ready;
  }

  async list(q: ListQuery): Promise<{ value: Employee[]; continuationToken?: string }> {
    await this.ensureTable();
    let filter = odata`PartitionKey eq ${PARTITION}`;
    if (q.department) filter += ` and ${odata`department eq ${q.department}`}`;
    if (q.status) filter += ` and ${odata`status eq ${q.status}`}`;
    try {
      const pages = this.client.listEntities<EmployeeEntity>({ queryOptions: { filter }, abortSignal: this.signal() }).byPage({ maxPageSize: q.top, continuationToken: q.continuationToken });
      const first = await pages.next();
      if (first.done || !first.value) return { value: [] };
      const page = first.value as EmployeeEntity[] & { continuationToken?: string };
      return { value: page.map(toEmployee), continuationToken: page.continuationToken };
    } catch (e) {
      // A well-formed token the service still refuses (keys it never issued) is the caller's, not an outage.
      if (q.continuationToken && (e as { statusCode?: number })?.statusCode === 400) {
        throw apiError(ApiErrorCode.InvalidSkipToken, 'The skipToken is not a token this API issued.', { target: 'skipToken' });
      }
      throw storageFailure(e);
    }
  }

  async get(id: string): Promise<Employee> {
    await this.ensureTable();
    try {
      return toEmployee(await this.client.getEntity<EmployeeEntity>(PARTITION, id, { abortSignal: this.signal() }));
    } catch (e) {
      if (isNotFound(e)) throw notFound(id);
      throw storageFailure(e);
    }
  }

  async create(req: CreateEmployeeRequest): Promise<Employee> {
    await this.ensureTable();
    const now = new Date();
    const entity: EmployeeEntity = stripUndefined({
      partitionKey: PARTITION,
      rowKey: req.id,
      givenName: req.givenName,
      familyName: req.familyName,
      email: req.email,
      jobTitle: req.jobTitle,
      department: req.department,
      managerId: req.managerId,
      employmentType: req.employmentType,
      status: req.status ?? EmploymentStatus.Active,
      hireDate: req.hireDate,
      workAddressJson: req.workAddress ? JSON.stringify(req.workAddress) : undefined,
      createdAt: now,
      updatedAt: now,
    });
    try {
      const r = await this.client.createEntity(entity, { abortSignal: this.signal() });
      return toEmployee({ ...entity, etag: r.etag });
    } catch (e) {
      if (isConflict(e)) {
        throw apiError(ApiErrorCode.EmployeeAlreadyExists, `An employee with ID '${req.id}' already exists.`, { target: 'id' });
      }
      throw storageFailure(e);
    }
  }

  /** Employees created or changed after `since` (the polling trigger's state), at most `limit` + 1 of them. */
  async changedSince(since: Date, limit: number): Promise<Employee[]> {
    await this.ensureTable();
    const filter = odata`PartitionKey eq ${PARTITION} and updatedAt gt ${since}`;
    const out: Employee[] = [];
    try {
      for await (const e of this.client.listEntities<EmployeeEntity>({ queryOptions: { filter }, abortSignal: this.signal() })) {
        out.push(toEmployee(e));
        if (out.length > limit) break;
      }
    } catch (e) {
      throw storageFailure(e);
    }
    return out;
  }

  /** Merges the given fields if `etag` still matches; 412 otherwise. */
  async update(id: string, etag: string, patch: UpdateEmployeeRequest): Promise<Employee> {
    if (!isEtag(etag)) throw stale(id);
    await this.ensureTable();
    const { workAddress, ...rest } = patch;
    const changes = stripUndefined({ partitionKey: PARTITION, rowKey: id, ...rest, workAddressJson: workAddress ? JSON.stringify(workAddress) : undefined, updatedAt: new Date() });
    try {
      await this.client.updateEntity(changes, 'Merge', { etag, abortSignal: this.signal() });
    } catch (e) {
      if (isNotFound(e)) throw notFound(id);
      if (isPreconditionFailed(e)) throw stale(id);
      throw storageFailure(e);
    }
    return this.get(id);
  }

  async delete(id: string, etag: string): Promise<void> {
    if (etag !== '*' && !isEtag(etag)) throw stale(id);
    await this.ensureTable();
    try {
      await this.client.deleteEntity(PARTITION, id, { etag, abortSignal: this.signal() });
    } catch (e) {
      if (isNotFound(e)) throw notFound(id);
      if (isPreconditionFailed(e)) throw stale(id);
      throw storageFailure(e);
    }
  }
}

function notFound(id: string): Error {
  return apiError(ApiErrorCode.EmployeeNotFound, `Employee '${id}' was not found.`, { target: 'employeeId' });
}

function stale(id: string): Error {
  return apiError(ApiErrorCode.PreconditionFailed, `Employee '${id}' was changed by someone else since it was read.`, { target: 'If-Match' });
}

/** Table Storage ETags look like W/"datetime'…'"; anything else cannot match a stored version. */
function isEtag(etag: string): boolean {
  return /^W\/"datetime'[^'"]+'"$/.test(etag);
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function toEmployee(e: EmployeeEntity): Employee {
  const out: Employee = {
    id: e.rowKey,
    etag: e.etag ?? '',
    givenName: e.givenName,
    familyName: e.familyName,
    displayName: `${e.givenName} ${e.familyName}`,
    email: e.email,
    jobTitle: e.jobTitle,
    department: e.department,
    employmentType: e.employmentType,
    status: e.status,
    hireDate: e.hireDate,
    createdAt: new Date(e.createdAt),
    updatedAt: new Date(e.updatedAt),
  };
  if (e.managerId) out.managerId = e.managerId;
  if (e.workAddressJson) out.workAddress = JSON.parse(e.workAddressJson) as Address;
  return out;
}

let shared: { key: string; store: EmployeeStore } | undefined;

/** The process-wide store for the current app settings (re-created if the settings change, e.g. in tests). */
export function employeeStore(settings: TableSettings = readTableSettings()): EmployeeStore {
  const key = JSON.stringify(settings);
  if (shared?.key !== key) shared = { key, store: new EmployeeStore(createTableClient(settings), settings.timeoutMs) };
  return shared.store;
}
