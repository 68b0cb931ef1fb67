/**
 * icon.png: the maker's own PNG when configured, else a generated 230×230 opaque square in the brand colour with a
 * white plug glyph inside the ~160×160 logo area Microsoft asks for. Generation is deterministic (fixed pixels,
 * fixed zlib settings), so re-exporting never rewrites the file.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { readPng } from '../validate';
import { CkError } from '../core/errors';
import type { ExportNotice } from './types';
import './codes';

export const ICON_SIZE = 230;

/** White rectangles [x0, y0, x1, y1) of the plug glyph on the 230 grid. */
const GLYPH: Array<[number, number, number, number]> = [
  [86, 40, 100, 82], // left prong
  [130, 40, 144, 82], // right prong
  [66, 82, 164, 128], // body
  [74, 128, 156, 138], // body taper
  [84, 138, 146, 148],
  [102, 148, 128, 166], // neck
  [108, 166, 122, 192], // cable
];

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Generates the default icon. Same colour → same bytes. */
export function generateIcon(brandColor: string): Buffer {
  const png = new PNG({ width: ICON_SIZE, height: ICON_SIZE, colorType: 2, inputHasAlpha: true });
  const [r, g, b] = hexToRgb(brandColor);
  // A very light brand colour would hide a white glyph; use a dark glyph then.
  const light = 0.299 * r + 0.587 * g + 0.114 * b > 186;
  const fg = light ? [0x20, 0x20, 0x20] : [0xff, 0xff, 0xff];
  for (let y = 0; y < ICON_SIZE; y++) {
    for (let x = 0; x < ICON_SIZE; x++) {
      const inGlyph = GLYPH.some(([x0, y0, x1, y1]) => x >= x0 && x < x1 && y >= y0 && y < y1);
      const i = (y * ICON_SIZE + x) * 4;
      const c = inGlyph ? fg : [r, g, b];
      png.data[i] = c[0]!;
      png.data[i + 1] = c[1]!;
      png.data[i + 2] = c[2]!;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2, deflateLevel: 9, filterType: 1 });
}

/** Reads and checks the configured icon; notes (does not fail) a size other than 230×230. */
export function loadIcon(file: string, root: string, notices: ExportNotice[]): Buffer {
  const abs = path.resolve(root, file);
  let buf: Buffer;
  try {
    buf = readFileSync(abs);
  } catch (e) {
    throw new CkError({ code: 'CK_EXPORT_ICON_INVALID', message: `connector.icon ${file} cannot be read: ${(e as Error).message}`, target: 'connector.icon', cause: e });
  }
  return checkIcon(buf, 'connector.icon', notices);
}

/** Verifies PNG bytes; returns them unchanged. */
export function checkIcon(buf: Buffer, target: string, notices: ExportNotice[]): Buffer {
  const read = readPng(buf);
  if ('problem' in read) throw new CkError({ code: 'CK_EXPORT_ICON_INVALID', message: `The icon (${target}) is not a valid PNG image: ${read.problem}.`, target });
  const img = read.png;
  if (img.width !== ICON_SIZE || img.height !== ICON_SIZE) {
    notices.push({ code: 'CK_EXPORT_ICON_SIZE', target, message: `The icon is ${img.width}×${img.height}; certification asks for ${ICON_SIZE}×${ICON_SIZE}.` });
  }
  return buf;
}
