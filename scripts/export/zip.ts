/**
 * Deterministic zip of the connector folder: sorted entries, fixed timestamps and modes, so the same folder always
 * gives the same bytes (the file is then only rewritten when something changed).
 */
import { ZipFile } from 'yazl';

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** Zips `files` (relative name → content) into one Buffer. */
export function zipFolder(files: Record<string, Buffer | string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    for (const name of Object.keys(files).sort()) {
      const c = files[name]!;
      zip.addBuffer(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c), name, { mtime: FIXED_DATE, mode: 0o100644, compress: true });
    }
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (d: Buffer) => chunks.push(d));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}
