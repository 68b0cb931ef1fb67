/**
 * Deterministic zip for zip deploy: entries sorted by name, fixed timestamps and modes, so the same app gives
 * byte-identical app.zip files (and a stable hash for deploy's change detection).
 */
import { ZipFile } from 'yazl';

/** 1980-01-01T00:00 local time: the earliest DOS date, the usual choice for reproducible zips. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

export async function deterministicZip(files: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const name of Object.keys(files).sort()) {
    const content = files[name]!;
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name, { mtime: FIXED_MTIME, mode: 0o100644, compress: true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
