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
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx's CommonJS loader handles .ts only through require
    const mod = require(path.join(__dirname, f)) as { bench: () => Promise<BenchLine[]> };
    const lines = await mod.bench();
    for (const l of lines) {
      all.push(l);
      process.stdout.write(`${l.pass ? 'PASS' : 'FAIL'}  ${l.name}: ${l.value} vs ${l.baseline} → ${fmt(l)} (target ${l.target})${l.note ? `  [${l.note}]` : ''}\n`);
    }
  }
  const failed = all.filter((l) => !l.pass).length;
  process.stdout.write(`bench: ${all.length - failed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}

/** A ratio target ("≤ 1.3×") prints as a ratio; an absolute target ("≤ 0.5 s") prints the figure in its unit. */
function fmt(l: BenchLine): string {
  if (!Number.isFinite(l.ratio)) return String(l.ratio);
  if (l.target.includes('×')) return `${l.ratio.toFixed(2)}×`;
  const unit = /\b(ms|s|writes?|requests?)\b/.exec(l.target)?.[1] ?? '';
  return `${Number(l.ratio.toPrecision(3))}${unit ? ` ${unit}` : ''}`;
}
