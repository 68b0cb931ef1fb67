/**
 * Starts one app worker (a worker_thread running app-worker.ts) and talks to it. Why a worker thread and not
 * require() in the host's own realm: the app gets its own module registry (reload = a fresh worker, no
 * require.cache surgery, the library's module state such as `enableHttpStream` starts clean), its own
 * `process.env` copy (local.settings.json Values never leak into the CLI or into other hosts in the same test
 * process), and it runs outside jest's module system, so the real Node `require` resolves `@azure/functions-core`.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { CkError } from '../core/errors';
import type { FromWorker, LoadReport, RpcHttpIn, RpcHttpOut, ToWorker } from './types';
import './codes';

let workerCode: Promise<string> | undefined;

/**
 * app-worker.ts compiled once per process into a self-contained CJS string (node builtins + bundled picomatch).
 * esbuild's async API, not buildSync: buildSync starts a worker thread of its own (a whole Node environment) that
 * lives until the process ends, and the process must stop and join it on exit (one per jest test file, since each
 * file loads its own copy of esbuild).
 */
function compiledWorker(): Promise<string> {
  workerCode ??= build({
    entryPoints: [path.join(__dirname, 'app-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // keep `import()` native so ESM apps load through Node's loader
    supported: { 'dynamic-import': true },
  }).then((r) => r.outputFiles[0]!.text);
  return workerCode;
}

export interface WorkerLog {
  functionName?: string;
  invocationId?: string;
  level: string;
  category: string;
  message: string;
}

export interface AppWorker {
  report: LoadReport;
  invoke(req: {
    invocationId: string;
    functionId: string;
    triggerName: string;
    http: RpcHttpIn;
    params: Record<string, string>;
    stream: boolean;
  }): Promise<{ http: RpcHttpOut | null; error?: { message: string; stack?: string } }>;
  /** In-flight invocations. */
  pending(): number;
  /** Runs appTerminate hooks (bounded wait), then stops the thread. */
  terminate(): Promise<void>;
}

export interface StartWorkerOptions {
  appDir: string;
  env: Record<string, string>;
  onLog(l: WorkerLog): void;
  /** Lines the app wrote to stdout/stderr. */
  onOutput(line: string, stream: 'stdout' | 'stderr'): void;
  /** The worker died after loading (an uncaught exception in the app); Azure restarts the worker then. */
  onCrash?(message: string): void;
}

export async function startAppWorker(opts: StartWorkerOptions): Promise<AppWorker> {
  const worker = new Worker(await compiledWorker(), { eval: true, env: opts.env, stdout: true, stderr: true });
  createInterface({ input: worker.stdout }).on('line', (l) => opts.onOutput(l, 'stdout'));
  createInterface({ input: worker.stderr }).on('line', (l) => opts.onOutput(l, 'stderr'));
  const waiting = new Map<number, (r: { http: RpcHttpOut | null; error?: { message: string; stack?: string } }) => void>();
  let nextId = 1;
  let exited = false;
  let loadedOk = false;
  let terminating = false;
  let crash = '';
  let onTerminated: (() => void) | undefined;
  let stopped: Promise<void> | undefined;
  let loadSettled: ((m: FromWorker | Error) => void) | undefined;

  worker.on('message', (m: FromWorker) => {
    if (m.type === 'log') opts.onLog(m);
    else if (m.type === 'result') {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      w?.({ http: m.http, error: m.error });
    } else if (m.type === 'terminated') onTerminated?.();
    else loadSettled?.(m);
  });
  const failAll = (message: string) => {
    for (const w of waiting.values()) w({ http: null, error: { message } });
    waiting.clear();
  };
  worker.on('error', (e) => {
    crash = e.message;
    loadSettled?.(e);
    failAll(`The app worker crashed: ${e.message}`);
  });
  worker.on('exit', (code) => {
    exited = true;
    loadSettled?.(new Error(`The app worker exited with code ${code} while loading.`));
    failAll(`The app worker exited with code ${code}.`);
    onTerminated?.();
    if (loadedOk && !terminating) opts.onCrash?.(crash || `exit code ${code}`);
  });

  const loaded = await new Promise<FromWorker | Error>((resolve) => {
    loadSettled = resolve;
    worker.postMessage({ type: 'load', appDir: opts.appDir } satisfies ToWorker);
  });
  loadSettled = undefined;
  loadedOk = !(loaded instanceof Error) && loaded.type === 'loaded';
  if (loaded instanceof Error || loaded.type !== 'loaded') {
    await worker.terminate();
    if (loaded instanceof Error) throw new CkError({ code: 'CK_HOST_WORKER_FAILED', message: loaded.message, cause: loaded });
    if (loaded.type === 'loadFailed') throw new CkError({ code: loaded.code, message: loaded.message, data: loaded.stack ? { stack: loaded.stack } : undefined });
    throw new CkError({ code: 'CK_HOST_WORKER_FAILED', message: `Unexpected message from the app worker: ${loaded.type}` });
  }

  return {
    report: loaded.report,
    pending: () => waiting.size,
    invoke(req) {
      if (exited) return Promise.resolve({ http: null, error: { message: 'The app worker is not running.' } });
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        // A body that owns its whole ArrayBuffer (body.ts allocates one per request) is moved, not copied: a
        // structured clone would hold a second copy of up to 100 MB. Anything else (a pooled slice) is cloned.
        const bytes = req.http.body?.bytes;
        const transfer = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
        worker.postMessage({ type: 'invoke', id, ...req } satisfies ToWorker, transfer);
      });
    },
    terminate() {
      // Idempotent: retire() and close() may both end the same worker; a second caller joins the first.
      stopped ??= (async () => {
        terminating = true;
        if (exited) return;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 5000);
          onTerminated = () => {
            clearTimeout(timer);
            resolve();
          };
          worker.postMessage({ type: 'terminate' } satisfies ToWorker);
        });
        await worker.terminate();
      })();
      return stopped;
    },
  };
}
