/**
 * Export of a generated 250-operation API (build the folder in memory + validate + atomic write), absolute target
 * ≤ 1 s; the baseline is JSON.stringify of the same spec with 4-space indentation, so the ratio shows how much
 * the export costs beyond serialising the definition once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildConnector, writeConnector } from '../scripts/export';
import { DEFAULTS, type ProjectConfig } from '../scripts/config';
import { median, type BenchLine } from './types';

/** A dist-like Swagger 2.0 with `n` operations over n/2 resources (GET + POST each). */
export function generatedSpec(n: number): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const definitions: Record<string, unknown> = {};
  for (let i = 0; i < n / 2; i++) {
    const model = `Thing${i}`;
    definitions[model] = {
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: 8 }, (_, k) => [`field${k}`, { type: k % 2 ? 'string' : 'integer', description: `Field ${k}.` }])),
      required: ['field0'],
    };
    paths[`/things${i}/{id}`] = {
      get: {
        operationId: `getThing${i}`,
        summary: `Get thing ${i}`,
        description: `Returns thing ${i}.`,
        security: [{ aad: [] }],
        parameters: [
          { in: 'path', name: 'id', required: true, type: 'string', description: 'The ID.' },
          { in: 'query', name: 'expand', type: 'string', description: 'Expand.' },
        ],
        responses: { 200: { description: 'Ok', schema: { $ref: `#/definitions/${model}` } }, default: { description: 'Error', schema: { type: 'object' } } },
      },
      post: {
        operationId: `updateThing${i}`,
        summary: `Update thing ${i}`,
        description: `Changes thing ${i}.`,
        parameters: [
          { in: 'path', name: 'id', required: true, type: 'string', description: 'The ID.' },
          { in: 'body', name: 'body', required: true, schema: { $ref: `#/definitions/${model}`, description: 'x' } },
        ],
        responses: { 200: { description: 'Ok', schema: { $ref: `#/definitions/${model}` } } },
      },
    };
  }
  return { swagger: '2.0', info: { title: 'Bench', version: '1.0.0' }, host: 'localhost:7071', basePath: '/api', schemes: ['http'], paths, definitions };
}

const CONFIG = {
  ...DEFAULTS,
  api: { ...DEFAULTS.api, contact: { name: 'Bench Team', url: 'https://bench.example', email: 'bench@bench.example' }, host: 'bench.azure-api.net' },
  connector: {
    title: 'Bench Things',
    description: 'A generated API with 250 operations used to measure the export.',
    website: 'https://bench.example',
    privacyPolicy: 'https://bench.example/privacy',
    categories: ['Data'],
    brandColor: '#2b5797',
    publisher: 'Bench',
  },
} as ProjectConfig;

export async function bench(): Promise<BenchLine[]> {
  const spec = generatedSpec(250);
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-bench-export-'));
  try {
    const runs: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      JSON.stringify(spec, null, 4);
      base.push(performance.now() - t0);
      const out = path.join(dir, `c${i}`);
      const t1 = performance.now();
      const folder = buildConnector({ spec, config: CONFIG });
      await writeConnector(out, folder, { level: 'certification', allowBreaking: true });
      runs.push(performance.now() - t1);
    }
    const v = median(runs.slice(1));
    const b = median(base.slice(1));
    return [
      {
        name: 'export of a generated 250-operation API (build + validate + write)',
        value: `${v.toFixed(1)} ms`,
        baseline: `${b.toFixed(2)} ms (JSON.stringify of the spec)`,
        ratio: v / 1000,
        target: '≤ 1 s absolute',
        pass: v <= 1000,
        note: `250 operations, validated at certification level; ${(v / b).toFixed(0)}× the stringify baseline`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
