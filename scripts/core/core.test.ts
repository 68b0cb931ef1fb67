import { mkdtempSync, readFileSync, existsSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { CkError, isCkError, toCkError } from './errors';
import { JsonIoHost, TerminalIoHost } from './io';
import { Secret, scrub } from './redact';
import { writeDirAtomic, writeIfChanged } from './fs';

describe('CkError', () => {
  it('takes title and hint from the registry and maps source', () => {
    const e = new CkError({ code: 'CK_CONFIG_INVALID', message: 'bad key' });
    expect(e.message).toBe('bad key');
    expect(e.hint).toMatch(/package\.json/);
    expect(e.source).toBe('user');
    expect(isCkError(e)).toBe(true);
    expect(isCkError(new Error('x'))).toBe(false);
  });
  it('refuses undeclared codes', () => {
    // @ts-expect-error -- an undeclared code fails tsc (CkCodeMap); the run-time guard is the second line of defence.
    expect(() => new CkError({ code: 'CK_NOPE_NOT_DECLARED' })).toThrow(/undeclared/);
  });
  it('wraps unknown errors as internal', () => {
    const e = toCkError(new Error('boom'));
    expect(e.code).toBe('CK_INTERNAL');
    expect(e.source).toBe('internal');
  });
});

describe('secrets', () => {
  it('never serialise and are scrubbed from host output', async () => {
    const s = new Secret('super-secret-key-123');
    expect(JSON.stringify({ s })).toBe('{"s":"***"}');
    expect(inspect(s)).not.toContain('super');
    expect(scrub('key=super-secret-key-123;')).toBe('key=***;');
    let out = '';
    let err = '';
    const io = new JsonIoHost(
      (x) => (out += x),
      (x) => (err += x),
    );
    io.log({ level: 'info', message: 'using super-secret-key-123' });
    io.result({ raw: 'super-secret-key-123' });
    expect(out + err).not.toContain('super-secret-key-123');
    expect(JSON.parse(out)).toEqual({ ok: true, result: { raw: '***' } });
  });
});

describe('output hosts', () => {
  it('json host prints exactly one document, failures in the shared error shape', () => {
    let out = '';
    const io = new JsonIoHost(
      (x) => (out += x),
      () => undefined,
    );
    io.failure(new CkError({ code: 'CK_CONFIG_INVALID', message: 'bad', target: 'api.title' }));
    const doc = JSON.parse(out);
    expect(doc.ok).toBe(false);
    expect(doc.error).toMatchObject({ code: 'CK_CONFIG_INVALID', message: 'bad', target: 'api.title' });
    expect(doc.error.hint).toBeTruthy();
  });
  it('terminal host renders the error, its details and the next step', () => {
    let err = '';
    const io = new TerminalIoHost(
      () => undefined,
      (x) => (err += x),
      { color: false },
    );
    io.failure(new CkError({ code: 'CK_CONFIG_INVALID', message: 'bad', details: [{ code: 'CK_CONFIG_INVALID', message: 'm', target: 'a.b' }] }));
    expect(err).toContain('(x) Error: bad [CK_CONFIG_INVALID]');
    expect(err).toContain('a.b: m');
    expect(err).toContain('Next:');
  });
});

describe('atomic writes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-fs-'));
  it('writes only on change', async () => {
    const f = path.join(dir, 'a', 'x.json');
    expect(await writeIfChanged(f, '{}\n')).toBe(true);
    expect(await writeIfChanged(f, '{}\n')).toBe(false);
    expect(readFileSync(f, 'utf8')).toBe('{}\n');
  });
  it('swaps a folder whole and keeps the old one when staging fails', async () => {
    const d = path.join(dir, 'conn');
    const r1 = await writeDirAtomic(d, { 'a.json': '1', 'sub/b.txt': 'b' });
    expect(r1.changed.sort()).toEqual(['a.json', 'sub/b.txt']);
    const r2 = await writeDirAtomic(d, { 'a.json': '1', 'sub/b.txt': 'b' });
    expect(r2.changed).toEqual([]);
    const r3 = await writeDirAtomic(d, { 'a.json': '2' }, { prune: true });
    expect(r3.removed).toEqual(['sub/b.txt']);
    expect(readFileSync(path.join(d, 'a.json'), 'utf8')).toBe('2');
    expect(existsSync(path.join(d, 'sub/b.txt'))).toBe(false);
    // A failure while staging (a path that is a file where a folder must be) leaves the old folder intact.
    writeFileSync(path.join(d, 'blocker'), 'x');
    await expect(writeDirAtomic(d, { 'a.json': '3', 'blocker/c.txt': 'c' })).rejects.toMatchObject({ code: 'CK_FS_WRITE_FAILED' });
    expect(readFileSync(path.join(d, 'a.json'), 'utf8')).toBe('2');
    void mkdirSync;
    void chmodSync;
  });
});
