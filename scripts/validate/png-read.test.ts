/**
 * Broken icons are explained in plain words (never the PNG library's stream internals), by the validator rule and by
 * export's icon check alike.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { readPng } from './png-read';
import { validateConnectorFiles } from './validate';
import { checkIcon } from '../export/icon';

const PASS = path.join(__dirname, 'testdata', 'rules', 'CkIconFormat', 'pass');
const good = readFileSync(path.join(PASS, 'icon.png'));
const damaged = (() => {
  const b = Buffer.from(good);
  b[20] = b[20]! ^ 0xff; // inside IHDR's data: its checksum no longer matches
  return b;
})();

const cases: Array<[string, Buffer, RegExp]> = [
  ['empty', Buffer.alloc(0), /^the file is empty$/],
  ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), /it is a GIF image, not a PNG/],
  ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), /SVG\/XML/],
  ['text', Buffer.from('hello'), /does not start with the PNG signature/],
  ['signature only', good.subarray(0, 8), /truncated: it has no IEND end chunk/],
  ['cut in the middle', good.subarray(0, Math.floor(good.length / 2)), /truncated: it ends inside the IDAT chunk/],
  ['damaged header', damaged, /the IHDR chunk is damaged \(checksum mismatch\)/],
];

describe('readPng', () => {
  it('decodes a valid PNG', () => {
    const r = readPng(good);
    expect('png' in r && r.png.width).toBe(230);
  });
  for (const [what, bytes, reason] of cases) {
    it(`${what}: ${reason.source}`, () => {
      const r = readPng(bytes);
      expect('problem' in r && r.problem).toMatch(reason);
    });
  }
});

describe('CkIconFormat and export checkIcon', () => {
  const files = Object.fromEntries(readdirSync(PASS).map((n) => [n, readFileSync(path.join(PASS, n))]));
  it('a truncated icon.png is "not a valid PNG image" with the reason, no library internals', () => {
    const r = validateConnectorFiles({ ...files, 'icon.png': good.subarray(0, 100) }, { level: 'certification' });
    const hit = r.findings.find((f) => f.ruleId === 'CkIconFormat');
    expect(hit).toMatchObject({ severity: 'error', file: 'icon.png' });
    expect(hit!.message).toBe('icon.png is not a valid PNG image: the file is truncated: it ends inside the IDAT chunk.');
  });
  it('export names the same reason in CK_EXPORT_ICON_INVALID', () => {
    let message = '';
    try {
      checkIcon(Buffer.alloc(0), 'connector.icon', []);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('The icon (connector.icon) is not a valid PNG image: the file is empty.');
    for (const [, bytes] of cases) expect(JSON.stringify(readPng(bytes))).not.toMatch(/waitng|stream/);
  });
});
