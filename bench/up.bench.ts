/**
 * `up` bench (provision + deploy, one plan), against the HTTPS doubles from an EMPTY subscription, with 100 ms
 * added to every ARM call (the ARM double's latency knob) and the API Management service created as a long-running
 * operation that stays Activating for 5 polls:
 *  1. a first `up` takes ≤ 1.3× its critical path;
 *  2. a no-op `up` right after it makes zero writes (ARM, Graph and SCM doubles' write counters).
 *
 * The critical path is the heaviest dependency chain of ARM calls × 100 ms through `up`'s own step graph: `up`'s
 * `instrument` hook gives each step's id and deps and runs its plan and apply inside an AsyncLocalStorage naming the
 * step, and Node's diagnostics channels (`http.client.request.start` for the Azure SDKs, `undici:request:create` for
 * fetch) tell which step sent each request to the ARM double. A step's weight is its ARM calls × 100 ms (a step's
 * calls are sequential); the critical path is the heaviest chain of the read-only preflight plus that of the apply,
 * which starts when the preflight has finished. Every ARM call must be attributed, or the bench fails. Graph, SCM
 * and token calls get no added latency and are not counted. The HTTPS doubles need the test CA trusted at process
 * start, so the measurement runs in a child process.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { median, type BenchLine } from './types';
import { criticalPath } from './deploy.bench';
import { RecordingIoHost } from '../scripts/core/io';
import type { Step } from '../scripts/deploy';
import { up } from '../scripts/provision';
import { startEmptyDoubles, makeEmptyProject, upOptions } from '../scripts/testing/provision-harness';
import type { Doubles } from '../scripts/testing/deploy-harness';
import { inChild } from './child';

const LATENCY_MS = 100;
const START = { arm: { apimServicePolls: 5 } };
const OUTSIDE = '(outside any step)';

type Pass = 'preflight' | 'apply';

/** Which step sent each ARM request, per pass; the step graph from `up`'s instrument hook. */
class StepCalls {
  pass: Pass = 'preflight';
  readonly calls: Record<Pass, Record<string, number>> = { preflight: {}, apply: {} };
  readonly deps: Record<string, string[]> = {};
  private readonly current = new AsyncLocalStorage<string>();
  private readonly onHttp = (m: unknown) => this.count(String((m as { request: ClientRequest }).request.getHeader('host')));
  private readonly onFetch = (m: unknown) => this.count(new URL((m as { request: { origin: string } }).request.origin).host);

  constructor(private readonly armHost: string) {
    // The Azure SDKs send through node:https; raw ARM requests (Application Insights) through fetch, i.e. undici.
    subscribe('http.client.request.start', this.onHttp);
    subscribe('undici:request:create', this.onFetch);
  }
  stop(): void {
    unsubscribe('http.client.request.start', this.onHttp);
    unsubscribe('undici:request:create', this.onFetch);
  }
  private count(host: string): void {
    if (host !== this.armHost) return;
    const m = this.calls[this.pass];
    const id = this.current.getStore() ?? OUTSIDE;
    m[id] = (m[id] ?? 0) + 1;
  }
  readonly instrument = (s: Step<null>): Step<null> => {
    this.deps[s.id] = s.deps;
    return {
      ...s,
      plan: (ctx) =>
        this.current.run(s.id, async () => {
          const p = await s.plan(ctx);
          const apply = p.apply;
          return apply ? { ...p, apply: () => this.current.run(s.id, apply) } : p;
        }),
    };
  };
  /** Heaviest chain of one pass; calls outside any step are added in series. */
  path(pass: Pass): { ms: number; path: string[] } {
    const calls = this.calls[pass];
    const cp = criticalPath(this.deps, (id) => (calls[id] ?? 0) * LATENCY_MS);
    return { ms: cp.ms + (calls[OUTSIDE] ?? 0) * LATENCY_MS, path: cp.path.filter((id) => calls[id]).map((id) => `${id}×${calls[id]}`) };
  }
  total(): number {
    return [...Object.values(this.calls.preflight), ...Object.values(this.calls.apply)].reduce((a, b) => a + b, 0);
  }
}

/** The recording host, switching the count to the apply pass once the preflight step is done. */
class PhaseIo extends RecordingIoHost {
  constructor(private readonly c: StepCalls) {
    super();
  }
  override async step<T>(title: string, fn: () => Promise<T> | T): Promise<T> {
    const r = await super.step(title, fn);
    if (title.startsWith('Plan (')) this.c.pass = 'apply';
    return r;
  }
}

const writesOf = (w: ReturnType<Doubles['writes']>) => w.arm + w.graph + w.scm;
const requestsOf = (d: Doubles) => d.arm.requests.length + d.graph.requests.length + d.scm.requests.length;

/** How many first `up`s are measured (each on fresh doubles); the line reports the median ratio. */
const RUNS = 3;

interface FirstUp {
  wall: number;
  cpMs: number;
  pre: { ms: number; path: string[] };
  apply: { ms: number; path: string[] };
  calls: StepCalls['calls'];
  armCalls: number;
  creates: number;
  apimGets: number;
}

/** One first `up` on `d` (an empty subscription) at 100 ms per ARM call, with its critical path. */
async function firstUp(d: Doubles, root: string): Promise<FirstUp> {
  const c = new StepCalls(new URL(d.arm.url).host);
  d.arm.setLatency(LATENCY_MS);
  const arm0 = d.arm.requests.length;
  const t0 = performance.now();
  let result;
  try {
    result = await up({ ...upOptions(root, false), instrument: c.instrument }, new PhaseIo(c));
  } finally {
    c.stop();
    d.arm.setLatency(0);
  }
  const wall = performance.now() - t0;
  const armCalls = d.arm.requests.length - arm0;
  if (c.total() !== armCalls) throw new Error(`the step attribution saw ${c.total()} of the ${armCalls} ARM calls: the critical path would be too short`);
  const pre = c.path('preflight');
  const apply = c.path('apply');
  const apimGets = d.arm.requests.slice(arm0).filter((r) => r.method === 'GET' && /\/service\/[^/]+(\/operationresults\/[^/]+)?$/i.test(r.path)).length;
  return { wall, cpMs: pre.ms + apply.ms, pre, apply, calls: c.calls, armCalls, creates: result.changes.filter((x) => x.action === 'create').length, apimGets };
}

async function measure(): Promise<BenchLine[]> {
  // Warm-up: a whole first `up` on separate doubles, outside the measurement — module loading, token acquisition, the
  // SDK clients and the export validator's one-off schema compilation are per-process costs, not `up`'s work.
  const warm = await startEmptyDoubles(START);
  try {
    await up(upOptions(makeEmptyProject(warm), false), new RecordingIoHost());
  } finally {
    await warm.close();
  }

  const runs: FirstUp[] = [];
  let noopLine: BenchLine | undefined;
  for (let i = 0; i < RUNS; i++) {
    const d = await startEmptyDoubles(START);
    try {
      const root = makeEmptyProject(d);
      runs.push(await firstUp(d, root));
      if (noopLine) continue;
      const w0 = writesOf(d.writes());
      const r0 = requestsOf(d);
      const noop = await up(upOptions(root, false), new RecordingIoHost());
      const writes = writesOf(d.writes()) - w0;
      const changed = noop.changes.filter((x) => x.action !== 'no-op').length;
      noopLine = {
        name: 'no-op up right after a first up: writes (ARM + Graph + SCM)',
        value: `${writes} writes, ${requestsOf(d) - r0} requests`,
        baseline: '-',
        ratio: writes,
        target: '0 writes',
        pass: writes === 0 && changed === 0,
        note: `plan: ${changed} change(s), ${noop.changes.length} no-op lines`,
      };
    } finally {
      await d.close();
    }
  }
  const ratios = runs.map((r) => r.wall / r.cpMs);
  const m = runs[ratios.indexOf(median(ratios))]!;
  const ratio = m.wall / m.cpMs;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    {
      name: `first up from an empty subscription, ${LATENCY_MS} ms per ARM call (${m.armCalls} ARM calls, ${m.creates} creates; APIM service read/polled ${m.apimGets}× while Activating); median of ${RUNS}`,
      value: s(m.wall),
      baseline: `${s(m.cpMs)} critical path (preflight ${s(m.pre.ms)}: ${m.pre.path.join(' → ')}; apply ${s(m.apply.ms)}: ${m.apply.path.join(' → ')})`,
      ratio,
      target: '≤ 1.3×',
      pass: ratio <= 1.3,
      note:
        `runs ${ratios.map((r) => `${r.toFixed(2)}×`).join(', ')}; critical path = heaviest chain of up's step graph, each step weighted by the ARM calls it sent × ${LATENCY_MS} ms, ` +
        `preflight + apply; ARM calls per step: preflight ${JSON.stringify(m.calls.preflight)}, apply ${JSON.stringify(m.calls.apply)}`,
    },
    noopLine!,
  ];
}

export const { main, bench } = inChild(__filename, measure);
