import { isHttpError } from 'connectorkit/runtime';
import { createTableClient, readTableSettings } from './table-client';

describe('storage settings', () => {
  it('connection string wins; table name defaults to Employees', () => {
    expect(readTableSettings({ AzureWebJobsStorage: 'UseDevelopmentStorage=true' })).toMatchObject({ connectionString: 'UseDevelopmentStorage=true', tableName: 'Employees' });
    expect(readTableSettings({ AzureWebJobsStorage: 'x', EMPLOYEES_TABLE: 'Staff' }).tableName).toBe('Staff');
  });

  it('identity-based: accountName → the account table endpoint, with a managed identity client id', () => {
    const s = readTableSettings({ AzureWebJobsStorage__accountName: 'contosohr', AzureWebJobsStorage__clientId: 'abc', AzureWebJobsStorage__credential: 'managedidentity' });
    expect(s).toMatchObject({ tableServiceUri: 'https://contosohr.table.core.windows.net', clientId: 'abc', credential: 'managedidentity' });
    expect(s.connectionString).toBeUndefined();
    // Constructing the client makes no request (no credential is asked for a token yet).
    expect(createTableClient(s).url).toBe('https://contosohr.table.core.windows.net');
    expect(createTableClient({ tableServiceUri: 'https://contosohr.table.core.windows.net', tableName: 'Employees' }).tableName).toBe('Employees');
  });

  it('nothing configured → 503 STORAGE_NOT_CONFIGURED with a hint', () => {
    let err: unknown;
    try {
      createTableClient(readTableSettings({}));
    } catch (e) {
      err = e;
    }
    expect(isHttpError(err) && err.status === 503 && err.code === 'STORAGE_NOT_CONFIGURED' && /AzureWebJobsStorage/.test(err.hint ?? '')).toBe(true);
  });
});

describe('storage timeout setting', () => {
  it('STORAGE_TIMEOUT_MS sets the per-call bound; missing or invalid → 10 s', () => {
    expect(readTableSettings({ STORAGE_TIMEOUT_MS: '250' }).timeoutMs).toBe(250);
    expect(readTableSettings({}).timeoutMs).toBe(10_000);
    expect(readTableSettings({ STORAGE_TIMEOUT_MS: 'soon' }).timeoutMs).toBe(10_000);
  });
});
