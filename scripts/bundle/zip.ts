/**
 * Deterministic zip for zip deploy: entries sorted by name, fixed timestamps and modes, so the same app gives
 * byte-identical app.zip files (and a stable hash for deploy's change detection).
 */
import { ZipFile } from 'yazl';

/**
 * 1980-01-01T00:00, the earliest DOS date. Only the DOS date/time fields are written (`forceDosTimestamp`): they hold
 * the local date parts of this Date, identical in every time zone, whereas yazl's Info-ZIP "UT" field would store the
 * UTC instant and make the bytes depend on the machine's TZ.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

export async function deterministicZip(files: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const name of Object.keys(files).sort()) {
    const content = files[name]!;
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name, { mtime: FIXED_MTIME, mode: 0o100644, compress: true, forceDosTimestamp: true } as Partial<
      import('yazl').Options
    >);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
