/**
 * Validator speed at population scale: `connectorkit validate --recursive` over the 526 merged connectors (the
 * development corpus and the population corpus, see scripts/validate/corpus.ts) in one process — the real command
 * (flag parsing, folder search, validation, summary table) through main() with a silent output host. Target: ≤ 10 s.
 * The baseline, measured first in the same run, is reading and JSON-parsing the same files; the ratio is printed.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { main } from '../scripts/cli/main';
import { SilentIoHost } from '../scripts/core/io';
import { findConnectorDirs } from '../scripts/validate';
import { CORPUS_DIR, POPULATION_DIR, populationMissing } from '../scripts/validate/corpus';
import type { BenchLine } from './types';

const NAME = 'validate --recursive over 526 merged connectors in one process';

export async function bench(): Promise<BenchLine[]> {
  const missing = populationMissing();
  if (missing) return [{ name: NAME, value: '-', baseline: '-', ratio: NaN, target: '≤ 10 s', pass: false, note: missing }];
  const dirs = [...(await findConnectorDirs(POPULATION_DIR)), ...(await findConnectorDirs(CORPUS_DIR))];
  const t0 = performance.now();
  let bytes = 0;
  for (const d of dirs) {
    for (const f of ['apiDefinition.swagger.json', 'apiProperties.json']) {
      const buf = readFileSync(path.join(d, f));
      bytes += buf.length;
      try {
        JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, ''));
      } catch {
        // The 6 files that are not JSON cost their read and a failed parse, as in the validator.
      }
    }
  }
  const baseline = (performance.now() - t0) / 1000;
  const io = new SilentIoHost();
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const code = await main(['node', 'connectorkit', 'validate', '--recursive', POPULATION_DIR, CORPUS_DIR], () => io);
  const value = (performance.now() - t1) / 1000;
  const used = process.cpuUsage(c1);
  // CPU seconds too: on a shared machine the wall time measures the neighbours as much as the validator.
  const cpu = (used.user + used.system) / 1e6;
  const failure = io.failures[0];
  // Exit 1 with exactly the 6 folders whose files are not JSON: anything else means the run did not do its job.
  const ok = code === 1 && failure?.code === 'CK_VALIDATE_FAILED' && failure.details?.length === 6 && failure.details.every((d) => d.code === 'JsonNotParseable');
  return [
    {
      name: `${NAME} (${dirs.length} folders, ${(bytes / 1024 / 1024).toFixed(1)} MB)`,
      value: `${value.toFixed(2)} s`,
      baseline: `${baseline.toFixed(3)} s (read + JSON.parse)`,
      ratio: value,
      target: '≤ 10 s',
      pass: value <= 10 && ok,
      note: `${(value / baseline).toFixed(1)}× the read + parse baseline; ${cpu.toFixed(2)} s CPU; exit ${code}, ${failure?.details?.length ?? 0} folders with errors (files that are not JSON)${ok ? '' : ' — UNEXPECTED'}`,
    },
  ];
}
