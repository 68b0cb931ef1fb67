/**
 * Deploy bench. With 100 ms added latency per ARM call (the ARM double's latency knob):
 *  1. a first deploy of the sample fixture takes ≤ 1.5× its critical path — the longest chain of ARM calls through
 *     the step dependency graph × 100 ms (computed from the calls each step made, printed beside the wall time);
 *  2. a no-op redeploy's request count, by method, with zero writes.
 * The HTTPS doubles need the test CA trusted at process start, so the measurement runs in a child process.
 */
import type { BenchLine } from './types';
import { RecordingIoHost } from '../scripts/core/io';
import { createContext, deploy, PROVIDERS } from '../scripts/deploy';
import * as h from '../scripts/testing/deploy-harness';
import { inChild } from './child';
import { readFileSync } from 'node:fs';
import { buildConnector } from '../scripts/export';
import { validateConnectorFiles } from '../scripts/validate';

const WARM_OUTPUTS = {
  host: 'warm-up.azure-api.net',
  basePath: '/warm',
  tenantId: h.TENANT,
  apiAppId: '11111111-2222-3333-4444-555555555555',
  apiAppIdUri: 'api://11111111-2222-3333-4444-555555555555',
  connectorClientId: '66666666-7777-8888-9999-000000000000',
  scope: 'api://11111111-2222-3333-4444-555555555555/user_impersonation',
};

const LATENCY_MS = 100;

/** ARM request path → the deploy step that made it. */
const STEP_OF: Array<[RegExp, string]> = [
  [/\/sites\/[^/]+\/host\/default\/listkeys$/i, 'code.hostKey'],
  [/\/sites\/[^/]+\/config\/appsettings/i, 'app.settings'],
  [/\/sites\/[^/]+$/i, 'code.site'],
  [/\/namedValues\//i, 'apim.namedValue'],
  [/\/backends\//i, 'apim.backend'],
  [/\/apis\/[^/]+\/policies\//i, 'apim.policy'],
  [/\/products\//i, 'apim.product'],
  [/\/apis\/[^/]+(\/operations)?$/i, 'apim.api'],
  [/\/service\/[^/]+$/i, 'apim.service'],
];

/** Longest path (sum of node weights) through a DAG given as id → deps. */
export function criticalPath(deps: Record<string, string[]>, weight: (id: string) => number): { ms: number; path: string[] } {
  const memo = new Map<string, { ms: number; path: string[] }>();
  const visit = (id: string): { ms: number; path: string[] } => {
    const m = memo.get(id);
    if (m) return m;
    const best = (deps[id] ?? []).map(visit).sort((a, b) => b.ms - a.ms)[0] ?? { ms: 0, path: [] };
    const r = { ms: best.ms + weight(id), path: [...best.path, id] };
    memo.set(id, r);
    return r;
  };
  return Object.keys(deps)
    .map(visit)
    .sort((a, b) => b.ms - a.ms)[0]!;
}

async function measure(): Promise<BenchLine[]> {
  const d = await h.startDoubles();
  try {
    const root = h.makeProject(d);
    // Warm-up outside the measurement: token acquisition, module loading and the validator's one-off schema
    // compilation (≈1.2 s cold, ≈20 ms warm) are per-process costs, not deploy work.
    await h.deployOptions(root, true).credential.getToken('https://management.azure.com/.default');
    await deploy({ ...h.deployOptions(root, true), skipExport: true }, new RecordingIoHost());
    const o = h.deployOptions(root, true);
    const folder = buildConnector({ spec: JSON.parse(readFileSync(o.specFile, 'utf8')), config: o.config as never, deployOutputs: WARM_OUTPUTS, root });
    validateConnectorFiles(folder.files, { level: 'certification' });
    d.arm.setLatency(LATENCY_MS);
    const first = d.arm.requests.length;
    const t0 = performance.now();
    await deploy(h.deployOptions(root, false), new RecordingIoHost());
    const wall = performance.now() - t0;
    const calls = d.arm.requests.slice(first);
    const perStep: Record<string, number> = {};
    for (const c of calls) {
      const id = /operationResults/i.test(c.path) ? 'poll' : (STEP_OF.find(([re]) => re.test(c.path))?.[1] ?? 'other');
      perStep[id] = (perStep[id] ?? 0) + 1;
    }
    // LRO polls belong to the step that started the operation (named value and API imports).
    const polls = calls.filter((c) => /operationResults/i.test(c.path)).length;
    const o2 = h.deployOptions(root, true);
    // The providers read infra/ from the project root (opts.root) as they build their steps.
    const ctx = createContext(o2, { retries: 0 });
    const steps = PROVIDERS.flatMap((p) => p(ctx)).filter((s) => s.id !== 'entra.clientSecret');
    const deps = Object.fromEntries([...steps.map((s) => [s.id, s.deps]), ['export', steps.map((s) => s.id)]]) as Record<string, string[]>;
    const pollShare = (id: string) => (id === 'apim.namedValue' || id === 'apim.api' ? polls / 2 : 0);
    const cp = criticalPath(deps, (id) => ((perStep[id] ?? 0) + pollShare(id)) * LATENCY_MS);
    const ratio = wall / cp.ms;

    d.arm.setLatency(0);
    const before = { arm: d.arm.requests.length, scm: d.scm.requests.length, graph: d.graph.requests.length, writes: d.writes() };
    await deploy(h.deployOptions(root, false), new RecordingIoHost());
    const noop = [...d.arm.requests.slice(before.arm), ...d.scm.requests.slice(before.scm), ...d.graph.requests.slice(before.graph)];
    const byMethod: Record<string, number> = {};
    for (const r of noop) byMethod[r.method] = (byMethod[r.method] ?? 0) + 1;
    const posts = d.arm.requests
      .slice(before.arm)
      .filter((r) => r.method !== 'GET')
      .map((r) => r.path.split('/').slice(-2).join('/'));
    const writes = d.writes();
    const noWrites = JSON.stringify(writes) === JSON.stringify(before.writes);
    return [
      {
        name: `first deploy, ${LATENCY_MS} ms per ARM call (${calls.length} ARM calls)`,
        value: `${(wall / 1000).toFixed(2)} s`,
        baseline: `${(cp.ms / 1000).toFixed(2)} s critical path (${cp.path.join(' → ')})`,
        ratio,
        target: '≤ 1.5×',
        pass: ratio <= 1.5,
        note: `calls per step ${JSON.stringify(perStep)}`,
      },
      {
        name: 'no-op redeploy: requests, all reads',
        value: `${noop.length} requests, ${writeCount(writes) - writeCount(before.writes)} writes`,
        baseline: '-',
        ratio: writeCount(writes) - writeCount(before.writes),
        target: '0 writes',
        pass: noWrites,
        note: `by method ${JSON.stringify(byMethod)}; non-GET reads: ${posts.join(', ') || 'none'} (ARM list actions)`,
      },
    ];
  } finally {
    await d.close();
  }
}

export const { main, bench } = inChild(__filename, measure);

/** Total of the doubles' write counters (ARM, SCM, Graph). */
function writeCount(w: ReturnType<h.Doubles['writes']>): number {
  return w.arm + w.scm + w.graph;
}
