/**
 * Reading a PNG, and why bytes are not a usable PNG, in plain words. The PNG library's own errors describe its stream internals
 * ("There are some read requests waitng on finished stream"), which tell a user nothing; this walks the chunk
 * structure first and names what is actually wrong.
 */
import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What a non-PNG file most likely is, from its first bytes. */
function sniff(buf: Buffer): string | undefined {
  const ascii = buf.subarray(0, 16).toString('latin1');
  if (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'a JPEG image';
  if (ascii.startsWith('GIF8')) return 'a GIF image';
  if (ascii.startsWith('BM')) return 'a BMP image';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'a WebP image';
  if (buf.readUInt32BE(0) === 0x00000100) return 'an ICO icon';
  if (/^\s*</.test(buf.subarray(0, 256).toString('utf8'))) return 'an SVG/XML or HTML text file';
  return undefined;
}

/**
 * Decodes a PNG, or says why it cannot, e.g. "the file is truncated: it ends inside the IDAT chunk". Never throws.
 * @example const r = readPng(bytes); if ('problem' in r) report(`icon.png is not a valid PNG image: ${r.problem}.`);
 */
export function readPng(buf: Buffer): { png: PNG } | { problem: string } {
  const problem = structureProblem(buf);
  if (problem) return { problem };
  try {
    return { png: PNG.sync.read(buf) };
  } catch {
    return { problem: 'its compressed image data is damaged or uses a PNG feature the offline reader does not support' };
  }
}

/** The first structural defect of the chunk layout (signature, chunk bounds, checksums, IHDR/IDAT/IEND). */
function structureProblem(buf: Buffer): string | undefined {
  if (buf.length === 0) return 'the file is empty';
  if (buf.length < SIGNATURE.length || !buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    const kind = buf.length >= 4 ? sniff(buf) : undefined;
    return kind ? `it is ${kind}, not a PNG (save or export it as PNG)` : 'it does not start with the PNG signature, so it is not a PNG file';
  }
  let at = SIGNATURE.length;
  let first = true;
  let sawData = false;
  while (at < buf.length) {
    if (at + 8 > buf.length) return 'the file is truncated: it ends inside a chunk header';
    const length = buf.readUInt32BE(at);
    const type = buf.subarray(at + 4, at + 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) return `the data after byte ${at} is not a PNG chunk (the file is damaged)`;
    if (first && type !== 'IHDR') return 'it has no IHDR header as its first chunk (the file is damaged)';
    first = false;
    const end = at + 12 + length;
    if (end > buf.length) return `the file is truncated: it ends inside the ${type} chunk`;
    if (crc32(buf.subarray(at + 4, at + 8 + length)) !== buf.readUInt32BE(at + 8 + length)) return `the ${type} chunk is damaged (checksum mismatch)`;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      if (!sawData) return 'it has no image data (no IDAT chunk)';
      break;
    }
    at = end;
  }
  if (at >= buf.length) return 'the file is truncated: it has no IEND end chunk';
  return undefined;
}
