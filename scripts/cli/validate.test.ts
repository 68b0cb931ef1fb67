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

describe('connectorkit validate with several folders', () => {
  const pass = path.join(FIXTURES, 'OperationIdNotUnique', 'pass');
  const fail = path.join(FIXTURES, 'OperationIdNotUnique', 'fail');
  it('validates every named folder in one run: one summary table, --json one entry per folder, exit 0 when none has an error', async () => {
    const other = path.join(FIXTURES, 'OperationIdRequired', 'pass');
    const { code, io } = await run([pass, other, '--json']);
    expect(code).toBe(0);
    const r = io.results[0] as { folders: Array<{ dir: string; errors: number; findings: unknown[] }>; failed: number };
    expect(r.folders.map((f) => [f.dir, f.errors])).toEqual([
      [pass, 0],
      [other, 0],
    ]);
    expect(r.failed).toBe(0);
    expect((await run([pass, other])).code).toBe(0);
  });
  it('exits 1 with CK_VALIDATE_FAILED when any folder has an error, one detail per failing folder with its rule ids and lines', async () => {
    const { code, io } = await run([pass, fail, '--json']);
    expect(code).toBe(1);
    const f = io.failures[0]!;
    expect(f.code).toBe('CK_VALIDATE_FAILED');
    expect(f.message).toContain('1 of 2 connector folder(s) have errors');
    expect(f.details).toEqual([
      expect.objectContaining({
        code: 'OperationIdNotUnique',
        target: fail,
        message: expect.stringMatching(/OperationIdNotUnique apiDefinition\.swagger\.json#\/paths\/~1items~1\{id\}\/get\/operationId \(line \d+\)/),
      }),
    ]);
  });
  it('--recursive validates every folder below that holds an apiDefinition.swagger.json', async () => {
    const parent = path.join(FIXTURES, 'OperationIdNotUnique');
    const { code, io } = await run(['--recursive', parent]);
    expect(code).toBe(1);
    const table = io.messages.map((l) => l.message).join('\n');
    expect(table).toMatch(/^connector\s+errors\s+warnings\s+top rules$/m);
    expect(table).toMatch(/OperationIdNotUnique\/fail\s+1\s+\d+\s+OperationIdNotUnique ×1$/m);
    expect(table).toMatch(/OperationIdNotUnique\/pass\s+0\s+\d+/m);
    expect(table).toContain('FAILED: 2 connector(s) at level platform: 1 with errors');
  });
  it('--recursive on a folder without connectors is CK_VALIDATE_NO_CONNECTORS; a missing folder CK_VALIDATE_DIR_NOT_FOUND before any work', async () => {
    const empty = await run(['--recursive', path.join(__dirname, 'testdata', 'golden')]);
    expect(empty.code).toBe(1);
    expect(empty.io.failures[0]!.code).toBe('CK_VALIDATE_NO_CONNECTORS');
    const missing = await run([pass, path.join(FIXTURES, 'no-such-connector')]);
    expect(missing.code).toBe(1);
    expect(missing.io.failures[0]!.code).toBe('CK_VALIDATE_DIR_NOT_FOUND');
  });
});
