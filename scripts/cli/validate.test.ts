import * as path from 'node:path';
import { main } from './main';
import { RecordingIoHost } from '../core/io';

const FIXTURES = path.join(__dirname, '..', 'validate', 'testdata', 'rules');

async function run(args: string[]): Promise<{ code: number; io: RecordingIoHost }> {
  const io = new RecordingIoHost();
  const code = await main(['node', 'connectorkit', 'validate', ...args], () => io);
  return { code, io };
}

describe('connectorkit validate', () => {
  it('exits 0 and returns the report for a clean folder', async () => {
    const { code, io } = await run([path.join(FIXTURES, 'OperationIdNotUnique', 'pass'), '--json']);
    expect(code).toBe(0);
    expect(io.results[0]).toMatchObject({ level: 'platform', errors: 0 });
  });
  it('exits 1 with CK_VALIDATE_FAILED listing rule ids and pointers when there are errors', async () => {
    const { code, io } = await run([path.join(FIXTURES, 'OperationIdNotUnique', 'fail')]);
    expect(code).toBe(1);
    expect(io.failures[0]!.code).toBe('CK_VALIDATE_FAILED');
    expect(io.failures[0]!.details).toContainEqual(expect.objectContaining({ code: 'OperationIdNotUnique', target: 'apiDefinition.swagger.json#/paths/~1items~1{id}/get/operationId' }));
  });
  it('applies --level certification', async () => {
    const { code, io } = await run([path.join(FIXTURES, 'FieldLengthExceeded', 'fail'), '--level', 'certification']);
    expect(code).toBe(1);
    expect(io.failures[0]!.details!.map((d) => d.code)).toContain('FieldLengthExceeded');
  });
  it('CK_VALIDATE_FAILED details come errors first, then warnings, then infos', async () => {
    const { code, io } = await run([path.join(FIXTURES, 'ArrayHasNoItems', 'fail'), '--level', 'certification', '--json']);
    expect(code).toBe(1);
    const severities = io.failures[0]!.details!.map((d) => d.message.split(':')[0]!);
    expect(severities).toContain('warning');
    const rank: Record<string, number> = { error: 0, warning: 1, info: 2 };
    expect(severities.map((x) => rank[x])).toEqual([...severities.map((x) => rank[x]!)].sort((a, b) => a - b));
  });
  it('exits 1 with CK_VALIDATE_DIR_NOT_FOUND for a missing folder', async () => {
    const { code, io } = await run([path.join(FIXTURES, 'no-such-connector')]);
    expect(code).toBe(1);
    expect(io.failures[0]!.code).toBe('CK_VALIDATE_DIR_NOT_FOUND');
  });
});
