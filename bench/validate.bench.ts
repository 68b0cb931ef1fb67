/**
 * Validator speed: validating the whole development corpus (70 merged connectors) in one process, cold (schema
 * compilation included), against an absolute target of 5 s. The baseline — reading and JSON-parsing the same
 * files — is printed so the ratio is visible.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { validateConnectorDir } from '../scripts/validate';
import { corpusConnectors, CORPUS_DIR } from '../scripts/validate/corpus';
import type { BenchLine } from './types';

export async function bench(): Promise<BenchLine[]> {
  const names = corpusConnectors();
  const t0 = performance.now();
  let bytes = 0;
  for (const n of names) {
    for (const f of ['apiDefinition.swagger.json', 'apiProperties.json']) {
      const buf = readFileSync(path.join(CORPUS_DIR, n, f));
      bytes += buf.length;
      JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, ''));
    }
  }
  const baseline = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  let errors = 0;
  let findings = 0;
  for (const n of names) {
    const r = await validateConnectorDir(path.join(CORPUS_DIR, n));
    errors += r.errors;
    findings += r.findings.length;
  }
  const value = (performance.now() - t1) / 1000;
  return [
    {
      name: `validate dev corpus (${names.length} connectors, ${(bytes / 1024 / 1024).toFixed(1)} MB) in one process, cold`,
      value: `${value.toFixed(2)} s`,
      baseline: `${baseline.toFixed(3)} s (read + JSON.parse)`,
      ratio: value,
      target: '≤ 5 s',
      pass: value <= 5 && errors === 0,
      note: `${(value / baseline).toFixed(0)}× the parse baseline; ${errors} errors, ${findings} findings`,
    },
  ];
}
