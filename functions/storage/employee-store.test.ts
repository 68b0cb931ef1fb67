/**
 * The Table Storage store against a real Azurite on a free port in a temp folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isHttpError, type HttpError } from 'connectorkit/runtime';
import { startAzurite, type AzuriteHandle } from '../../scripts/storage';
import { EmployeeStore } from './employee-store';
import { createTableClient } from './table-client';
import { EmploymentStatus, EmploymentType, type CreateEmployeeRequest } from '../models/employee';

let azurite: AzuriteHandle;
let dir: string;
let store: EmployeeStore;

const person = (n: number, department = 'ENG'): CreateEmployeeRequest => ({
  id: `E${String(n).padStart(6, '0')}`,
  givenName: 'Ada',
  familyName: `Lovelace${n}`,
  email: `ada${n}@contoso.example`,
  jobTitle: 'Engineer',
  department,
  employmentType: EmploymentType.FullTime,
  hireDate: '2024-02-01',
  workAddress: { street: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
});

async function httpError(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (e) {
    if (isHttpError(e)) return e;
    throw e;
  }
  throw new Error('expected an HttpError');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ck-store-'));
  azurite = await startAzurite({ location: dir });
  store = new EmployeeStore(createTableClient({ connectionString: azurite.connectionString, tableName: 'EmployeesStoreTest' }));
});

afterAll(async () => {
  await azurite?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('EmployeeStore on Azurite', () => {
  it('creates, reads, updates with ETag and deletes', async () => {
    const created = await store.create(person(1));
    expect(created).toMatchObject({ id: 'E000001', displayName: 'Ada Lovelace1', status: 'Active', workAddress: { city: 'Berlin' } });
    expect(created.etag).toMatch(/^W\//);
    const read = await store.get('E000001');
    expect(read.etag).toBe(created.etag);
    expect(read.createdAt).toBeInstanceOf(Date);
    const updated = await store.update('E000001', read.etag, { jobTitle: 'Principal Engineer', status: EmploymentStatus.OnLeave });
    expect(updated).toMatchObject({ jobTitle: 'Principal Engineer', status: 'OnLeave', givenName: 'Ada' });
    expect(updated.etag).not.toBe(read.etag);
    const stale = await httpError(store.update('E000001', read.etag, { jobTitle: 'X' }));
    expect([stale.status, stale.code]).toEqual([412, 'PRECONDITION_FAILED']);
    await store.delete('E000001', updated.etag);
    expect((await httpError(store.get('E000001'))).status).toBe(404);
    expect((await httpError(store.delete('E000001', '*'))).status).toBe(404);
  });

  it('refuses a duplicate id with 409', async () => {
    await store.create(person(2));
    const e = await httpError(store.create(person(2)));
    expect([e.status, e.code, e.target]).toEqual([409, 'EMPLOYEE_ALREADY_EXISTS', 'id']);
  });

  it('pages with continuation tokens and filters by department', async () => {
    for (let i = 10; i < 17; i++) await store.create(person(i, i % 2 ? 'FIN' : 'OPS'));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await store.list({ department: 'FIN', top: 2, continuationToken: token });
      seen.push(...page.value.map((e) => e.id));
      token = page.continuationToken;
      pages++;
    } while (token && pages < 10);
    expect(seen).toEqual(['E000011', 'E000013', 'E000015']);
    expect(pages).toBeGreaterThanOrEqual(2);
    const active = await store.list({ status: EmploymentStatus.Terminated, top: 10 });
    expect(active.value).toEqual([]);
  });

  it('answers 503 STORAGE_UNAVAILABLE with a hint when the store is unreachable', async () => {
    const down = new EmployeeStore(createTableClient({ connectionString: azurite.connectionString.replace(`:${azurite.port}/`, ':1/'), tableName: 'Nope' }));
    const e = await httpError(down.get('E000001'));
    expect([e.status, e.code]).toEqual([503, 'STORAGE_UNAVAILABLE']);
    expect(e.hint).toMatch(/Azurite|AzureWebJobsStorage/);
  });
});
