/** createIfAbsent and writeIfChanged's mode: atomic secret files that concurrent creators agree on. */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createIfAbsent, writeIfChanged } from './fs';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'ck-fs-'));
const mode = (f: string) => statSync(f).mode & 0o777;

describe('writeIfChanged with mode', () => {
  it('writes 0600 even under a permissive umask, and fixes the mode of an unchanged file', async () => {
    const f = path.join(tmp(), 'secret.json');
    const old = process.umask(0o000);
    try {
      expect(await writeIfChanged(f, 'a', { mode: 0o600 })).toBe(true);
    } finally {
      process.umask(old);
    }
    expect(mode(f)).toBe(0o600);
    writeFileSync(f, 'b');
    chmodSync(f, 0o644);
    expect(mode(f)).toBe(0o644);
    expect(await writeIfChanged(f, 'b', { mode: 0o600 })).toBe(false);
    expect(mode(f)).toBe(0o600);
  });
});

describe('createIfAbsent', () => {
  it('returns an existing file without creating', async () => {
    const f = path.join(tmp(), 'k');
    writeFileSync(f, 'existing');
    const r = await createIfAbsent(f, () => {
      throw new Error('must not be called');
    });
    expect(r).toEqual({ content: Buffer.from('existing'), created: false });
  });

  it('concurrent creators in one process all get the first content; one created it; mode 0600; no temp files left', async () => {
    const dir = tmp();
    const f = path.join(dir, 'sub', 'key.json');
    let n = 0;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        createIfAbsent(
          f,
          async () => {
            const mine = `key-${n++}`;
            await new Promise((r) => setImmediate(r)); // every creator generates before any writes (the race)
            return mine;
          },
          { mode: 0o600 },
        ),
      ),
    );
    expect(n).toBe(8);
    const onDisk = readFileSync(f, 'utf8');
    expect(results.map((r) => r.content.toString())).toEqual(Array(8).fill(onDisk));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(mode(f)).toBe(0o600);
    expect(readdirSync(path.dirname(f))).toEqual(['key.json']);
  });

  it('two processes creating the same file at once agree on one content', async () => {
    const f = path.join(tmp(), 'shared.json');
    const go = path.join(path.dirname(f), 'go');
    const script = `
      const fs = require('node:fs');
      const { createIfAbsent } = require(${JSON.stringify(path.join(__dirname, 'fs.ts'))});
      const mine = 'from-' + process.pid;
      // Say we are ready, then wait for the common start signal so both processes race for real.
      fs.writeFileSync(${JSON.stringify(go)} + '.ready-' + process.pid, '');
      const wait = () => new Promise((r) => { const t = setInterval(() => { if (fs.existsSync(${JSON.stringify(go)})) { clearInterval(t); r(); } }, 2); });
      wait().then(() => createIfAbsent(${JSON.stringify(f)}, () => mine, { mode: 0o600 })).then((r) => process.stdout.write(r.content.toString()));
    `;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const p = spawn(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: path.join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.on('data', (c) => (out += c));
        p.on('error', reject);
        p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}`))));
      });
    const both = Promise.all([run(), run()]);
    const ready = () => readdirSync(path.dirname(f)).filter((n) => n.startsWith('go.ready-')).length;
    for (let i = 0; i < 3000 && ready() < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(ready()).toBe(2);
    writeFileSync(go, '');
    const [a, b] = await both;
    expect(a).toMatch(/^from-\d+$/);
    expect(b).toBe(a);
    expect(readFileSync(f, 'utf8')).toBe(a);
  });
});
