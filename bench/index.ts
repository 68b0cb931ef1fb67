/**
 * `npm run bench [area…]`: runs every bench/*.bench.ts (or the named ones) and prints each target as a ratio
 * against a baseline measured in the same run, with PASS/FAIL. Exit 1 if any target fails.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { BenchLine } from './types';

export async function main(argv: string[]): Promise<number> {
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => argv.length === 0 || argv.some((a) => f.startsWith(a)))
    .sort();
  const all: BenchLine[] = [];
  for (const f of files) {
    process.stderr.write(`bench: ${f}…\n`);
    // require, not import(): tsx's CommonJS loader (scripts/bin/run-ts.js) handles .ts only through require.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, f)) as { bench: () => Promise<BenchLine[]> };
    const lines = await mod.bench();
    for (const l of lines) {
      all.push(l);
      process.stdout.write(`${l.pass ? 'PASS' : 'FAIL'}  ${l.name}: ${l.value} vs ${l.baseline} → ${fmt(l.ratio)} (target ${l.target})${l.note ? `  [${l.note}]` : ''}\n`);
    }
  }
  const failed = all.filter((l) => !l.pass).length;
  process.stdout.write(`bench: ${all.length - failed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}

function fmt(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : String(r);
}
