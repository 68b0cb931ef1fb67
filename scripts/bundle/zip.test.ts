import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** Hash of deterministicZip for the same files, computed in a fresh process under time zone `tz`. */
function zipHashIn(tz: string): string {
  const script = `
    require('tsx/cjs/api').register();
    const { deterministicZip } = require(${JSON.stringify(path.join(__dirname, 'zip.ts'))});
    deterministicZip({ 'host.json': '{"version":"2.0"}', 'main.js': 'module.exports = 1;' })
      .then((b) => process.stdout.write(require('node:crypto').createHash('sha256').update(b).digest('hex')));`;
  return execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: tz }, cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
}

describe('deterministicZip', () => {
  it('gives the same bytes in every time zone (deploy compares package hashes across machines)', () => {
    const hashes = ['UTC', 'America/New_York', 'Asia/Tokyo'].map(zipHashIn);
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(hashes).size).toBe(1);
  });
});
