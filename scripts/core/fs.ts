/**
 * Deterministic, atomic, change-aware writes. A file is written to a temp sibling and renamed into place, and
 * only when its bytes differ. A folder is staged whole and swapped in, so a failed run never leaves it half-written.
 */
import { promises as fsp, existsSync } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CkError } from './errors';

export type FileContent = string | Buffer | Uint8Array;

/** Serialises JSON deterministically (insertion order), UTF-8 without BOM, trailing newline. */
export function toJsonText(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent) + '\n';
}

function toBuffer(c: FileContent): Buffer {
  return typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c);
}

/** Options of `writeIfChanged` / `createIfAbsent`. */
export interface WriteFileOptions {
  /** File mode (e.g. 0o600 for secrets), set on the temp file before it is renamed into place, so the secret is never readable by others. */
  mode?: number;
}

const tempSibling = (file: string) => `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;

/** Writes the temp file with `mode` (chmod too: the umask may have masked bits off). */
async function writeTemp(tmp: string, buf: Buffer, mode: number | undefined): Promise<void> {
  await fsp.writeFile(tmp, buf, mode === undefined ? undefined : { mode });
  if (mode !== undefined) await fsp.chmod(tmp, mode);
}

/** Writes `file` atomically if its content changed. Returns true when it wrote. With `mode`, an unchanged file still gets that mode. */
export async function writeIfChanged(file: string, content: FileContent, opts: WriteFileOptions = {}): Promise<boolean> {
  const buf = toBuffer(content);
  try {
    const cur = await fsp.readFile(file);
    if (cur.equals(buf)) {
      if (opts.mode !== undefined && ((await fsp.stat(file)).mode & 0o777) !== opts.mode) await fsp.chmod(file, opts.mode);
      return false;
    }
  } catch {
    /* missing: write it */
  }
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const tmp = tempSibling(file);
  try {
    await writeTemp(tmp, buf, opts.mode);
    await fsp.rename(tmp, file);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw new CkError({ code: 'CK_FS_WRITE_FAILED', message: `Could not write ${file}: ${(e as Error).message}`, cause: e });
  }
  return true;
}

/**
 * Returns the content of `file`, creating it from `create()` first if it does not exist — safely against other
 * processes doing the same: the content is written to a temp sibling and hard-linked into place, which fails if
 * the target appeared meanwhile; then the file is re-read. Whoever loses the race gets the winner's content, so
 * two processes creating e.g. a signing key at once end up with the SAME key, and nobody sees a half-written file.
 */
export async function createIfAbsent(file: string, create: () => FileContent | Promise<FileContent>, opts: WriteFileOptions = {}): Promise<{ content: Buffer; created: boolean }> {
  try {
    return { content: await fsp.readFile(file), created: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new CkError({ code: 'CK_FS_WRITE_FAILED', message: `Could not read ${file}: ${(e as Error).message}`, cause: e });
  }
  const buf = toBuffer(await create());
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const tmp = tempSibling(file);
  let created = false;
  try {
    await writeTemp(tmp, buf, opts.mode);
    try {
      await fsp.link(tmp, file);
      created = true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') created = false;
      // No hard links on this file system: rename, still only if absent (a narrower race, but never a torn file).
      else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
        if (!existsSync(file)) {
          await fsp.rename(tmp, file);
          created = true;
        }
      } else throw e;
    }
  } catch (e) {
    throw new CkError({ code: 'CK_FS_WRITE_FAILED', message: `Could not create ${file}: ${(e as Error).message}`, cause: e });
  } finally {
    await fsp.rm(tmp, { force: true });
  }
  // Re-read: after a lost race this is the other process's content.
  return { content: await fsp.readFile(file), created };
}

export interface DirWriteResult {
  changed: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * Replaces the folder `dir` with exactly `files` (relative path → content), atomically: the new tree is staged
 * beside it and swapped in with renames. Files not listed are removed only if `prune` is set. Untouched when
 * nothing changed.
 */
export async function writeDirAtomic(dir: string, files: Record<string, FileContent>, opts: { prune?: boolean } = {}): Promise<DirWriteResult> {
  const result: DirWriteResult = { changed: [], unchanged: [], removed: [] };
  const existing = existsSync(dir) ? await listFiles(dir) : [];
  for (const [rel, content] of Object.entries(files)) {
    const cur = existing.includes(rel) ? await fsp.readFile(path.join(dir, rel)) : undefined;
    if (cur && cur.equals(toBuffer(content))) result.unchanged.push(rel);
    else result.changed.push(rel);
  }
  if (opts.prune) result.removed = existing.filter((f) => !(f in files));
  if (result.changed.length === 0 && result.removed.length === 0) return result;

  const parent = path.dirname(path.resolve(dir));
  await fsp.mkdir(parent, { recursive: true });
  const stage = path.join(parent, `.${path.basename(dir)}.staging-${randomBytes(4).toString('hex')}`);
  const old = path.join(parent, `.${path.basename(dir)}.old-${randomBytes(4).toString('hex')}`);
  try {
    if (existsSync(dir)) await fsp.cp(dir, stage, { recursive: true });
    else await fsp.mkdir(stage, { recursive: true });
    for (const rel of result.removed) await fsp.rm(path.join(stage, rel), { force: true });
    for (const [rel, content] of Object.entries(files)) {
      const target = path.join(stage, rel);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.writeFile(target, toBuffer(content));
    }
    if (existsSync(dir)) await fsp.rename(dir, old);
    await fsp.rename(stage, dir);
    await fsp.rm(old, { recursive: true, force: true });
  } catch (e) {
    await fsp.rm(stage, { recursive: true, force: true });
    if (!existsSync(dir) && existsSync(old)) await fsp.rename(old, dir);
    throw new CkError({ code: 'CK_FS_WRITE_FAILED', message: `Could not write ${dir}: ${(e as Error).message}`, cause: e });
  }
  return result;
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const ent of await fsp.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, ent.name);
    if (ent.isDirectory()) out.push(...(await listFiles(p, base)));
    else out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}
