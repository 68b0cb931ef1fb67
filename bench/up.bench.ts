/**
 * `up` bench. From an empty subscription, with 100 ms added latency per ARM call (the ARM double's latency knob) and
 * API Management creation as a long-running operation (5 polls):
 *  1. a first `up` takes ≤ 1.3× its critical path — the longest dependency chain of the step graph, each step
 *     weighted by its own measured time (its reads and writes), for the preflight pass plus the apply pass;
 *  2. a no-op `up`: its writes (ARM, Graph, SCM), target 0.
 * The HTTPS doubles need the test CA trusted at process start, so the measurement runs in a child process.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { BenchLine } from './types';
import { criticalPath } from './deploy.bench';
import { RecordingIoHost } from '../scripts/core/io';
import { up, type UpOptions } from '../scripts/provision';
import type { Step } from '../scripts/deploy';
import { startEmptyDoubles, makeEmptyProject, upOptions } from '../scripts/provision/testdata/harness';
import { ensureTestCa } from '../scripts/testing/tls';

const LATENCY_MS = 100;

/** Times each step's own work (plan reads, apply writes) per pass: the preflight, then the apply. */
class Timings {
  pass: 'preflight' | 'apply' = 'preflight';
  readonly own = { preflight: new Map<string, number>(), apply: new Map<string, number>() };
  readonly deps = new Map<string, string[]>();
  private add(id: string, ms: number): void {
    const m = this.own[this.pass];
    m.set(id, (m.get(id) ?? 0) + ms);
  }
  readonly instrument = (s: Step<null>): Step<null> => {
    this.deps.set(s.id, s.deps);
    return {
      ...s,
      plan: async (ctx) => {
        const t0 = performance.now();
        const p = await s.plan(ctx);
        this.add(s.id, performance.now() - t0);
        const apply = p.apply;
        if (!apply) return p;
        return {
          ...p,
          apply: async () => {
            const t1 = performance.now();
            await apply();
            this.add(s.id, performance.now() - t1);
          },
        };
      },
    };
  };
  criticalMs(): { ms: number; path: string[] } {
    const deps = Object.fromEntries(this.deps);
    const pre = criticalPath(deps, (id) => this.own.preflight.get(id) ?? 0);
    const app = criticalPath(deps, (id) => this.own.apply.get(id) ?? 0);
    return { ms: pre.ms + app.ms, path: app.path };
  }
}

/** The recording host, switching the timings to the apply pass once the preflight step is done. */
class PhaseIo extends RecordingIoHost {
  constructor(private readonly t: Timings) {
    super();
  }
  override async step<T>(title: string, fn: () => Promise<T> | T): Promise<T> {
    const r = await super.step(title, fn);
    if (title.startsWith('Plan (')) this.t.pass = 'apply';
    return r;
  }
}

async function measure(): Promise<BenchLine[]> {
  const d = await startEmptyDoubles({ arm: { apimServicePolls: 5 } });
  try {
    const root = makeEmptyProject(d);
    // Warm-up outside the measurement (token, module loading, schema compilation): a read-only plan.
    await up(upOptions(root, true), new RecordingIoHost());
    d.arm.setLatency(LATENCY_MS);
    const t = new Timings();
    const opts: UpOptions = { ...upOptions(root, false), instrument: t.instrument };
    const calls0 = d.arm.requests.length;
    const t0 = performance.now();
    await up(opts, new PhaseIo(t));
    const wall = performance.now() - t0;
    const calls = d.arm.requests.length - calls0;
    const cp = t.criticalMs();
    const ratio = wall / cp.ms;

    d.arm.setLatency(0);
    const before = d.writes();
    const reqs0 = d.arm.requests.length + d.graph.requests.length + d.scm.requests.length;
    await up(upOptions(root, false), new RecordingIoHost());
    const after = d.writes();
    const writes = after.arm + after.graph + after.scm - (before.arm + before.graph + before.scm);
    const reads = d.arm.requests.length + d.graph.requests.length + d.scm.requests.length - reqs0;
    return [
      {
        name: `first up from an empty subscription, ${LATENCY_MS} ms per ARM call, APIM create as an LRO (${calls} ARM calls)`,
        value: `${(wall / 1000).toFixed(2)} s`,
        baseline: `${(cp.ms / 1000).toFixed(2)} s critical path (preflight + apply; apply: ${cp.path.join(' → ')})`,
        ratio,
        target: '≤ 1.3×',
        pass: ratio <= 1.3,
      },
      { name: 'no-op up: writes (ARM + Graph + SCM)', value: `${writes} writes, ${reads} requests`, baseline: '-', ratio: writes, target: '0 writes', pass: writes === 0 },
    ];
  } finally {
    await d.close();
  }
}

/** Child entry: prints the lines as JSON. */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] !== '--child') return 0;
  process.stdout.write(JSON.stringify(await measure()));
  return 0;
}

export async function bench(): Promise<BenchLine[]> {
  const out = execFileSync(process.execPath, [path.join(__dirname, '../scripts/bin/run-ts.js'), __filename, '--child'], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: (await ensureTestCa()).certFile },
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.toString('utf8')) as BenchLine[];
}
