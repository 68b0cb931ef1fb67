/**
 * Runs INSIDE a worker_thread (compiled by worker-client.ts with esbuild, started with `eval`). It plays the part
 * of azure-functions-nodejs-worker: supplies `@azure/functions-core` (the worker's Module.prototype.require Proxy,
 * src/setupCoreModule.ts), loads the app like src/startApp.ts (package.json `main` glob, ESM via import()), then
 * drives the app's OWN copy of @azure/functions exactly like src/eventHandlers/InvocationHandler.ts:
 * getInvocationModel → getArguments → preInvocation hooks → invokeFunction → postInvocation hooks → rethrow →
 * getResponse. See scripts/host/README.md. One worker per loaded bundle: reload = a fresh worker.
 * Only node builtins and picomatch (bundled into the worker's code by esbuild) are imported: this file must not load
 * anything from the project into the app's realm.
 */
import Module = require('node:module');
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { parentPort } from 'node:worker_threads';
import picomatch from 'picomatch';
import type { FromWorker, LoadReport, RawBinding, RegisteredFunction, ToWorker } from './types';
import './codes';

type Hook = (ctx: Record<string, unknown>) => unknown;
interface ProgrammingModel {
  name: string;
  version: string;
  getInvocationModel(ctx: unknown): {
    getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
    invokeFunction(ctx: unknown, inputs: unknown[], cb: unknown): Promise<unknown>;
    getResponse(ctx: unknown, result: unknown): Promise<{ returnValue?: { http?: unknown } | null }>;
  };
  getCapabilities?(caps: Record<string, string>): Promise<Record<string, string>>;
}

const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);
const functions = new Map<string, { meta: RegisteredFunction; callback: unknown }>();
const hooks: Record<string, Hook[]> = { appStart: [], appTerminate: [], preInvocation: [], postInvocation: [], log: [] };
const appHookData: Record<string, unknown> = {};
let model: ProgrammingModel | undefined;
let indexingLocked = false;

class Disposable {
  constructor(private readonly fn: () => void) {}
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
  dispose(): void {
    this.fn();
  }
}

/** The `@azure/functions-core` contract (library repo types-core/index.d.ts). */
const coreApi = {
  version: '3.9.1-connectorkit',
  hostVersion: '4.1040.0',
  Disposable,
  registerFunction(metadata: { name: string; functionId?: string; bindings: Record<string, RawBinding> }, callback: unknown) {
    if (indexingLocked) throw new Error('A function can only be registered during app startup.');
    const id = metadata.functionId || metadata.name;
    if (functions.has(id)) throw new Error(`A function with id "${id}" has already been registered.`);
    functions.set(id, { meta: { id, name: metadata.name, bindings: JSON.parse(JSON.stringify(metadata.bindings)) }, callback });
    return new Disposable(() => functions.delete(id));
  },
  registerHook(name: string, cb: Hook) {
    const list = hooks[name];
    if (!list) throw new RangeError(`Unrecognized hook "${name}"`);
    list.push(cb);
    return new Disposable(() => {
      const i = list.indexOf(cb);
      if (i >= 0) list.splice(i, 1);
    });
  },
  setProgrammingModel(m: ProgrammingModel) {
    model = m;
    send({ type: 'log', level: 'debug', category: 'system', message: `Setting Node.js programming model to "${m.name}" version "${m.version}"` });
  },
  getProgrammingModel() {
    return model;
  },
  log(level: string, category: string, message: string) {
    emitLog({ level, category, message });
  },
};

/** Runs `app.hook.log` hooks (synchronous; they may change level and message), then forwards the line. */
function emitLog(init: { level: string; category: string; message: string; invocationContext?: unknown }, fn?: { functionName: string; invocationId: string }): void {
  const ctx: Record<string, unknown> = { hookData: {}, appHookData, ...init };
  for (const h of hooks.log!) {
    try {
      h(ctx);
    } catch {
      /* a failing log hook must not break logging */
    }
  }
  send({ type: 'log', level: String(ctx.level), category: String(ctx.category), message: String(ctx.message), ...(fn ?? {}) });
}

// The worker's trick: only CJS require (and createRequire) sees the module; an ESM `import` of it would fail on Azure too.
const proto = Module.prototype as unknown as { require: (id: string) => unknown };
proto.require = new Proxy(proto.require, {
  apply(target, thisArg, args: [string]) {
    return args[0] === '@azure/functions-core' ? coreApi : Reflect.apply(target, thisArg, args);
  },
});

function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (e.name === 'node_modules') continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out;
}

async function load(dir: string): Promise<void> {
  // Stack traces in the serve log point at the controller sources through the bundle's main.js.map (as
  // `--enable-source-maps` does; in Azure set languageWorkers__node__arguments to that flag).
  process.setSourceMapsEnabled(true);
  const pkgFile = path.join(dir, 'package.json');
  let pkg: { main?: unknown; type?: unknown } = {};
  if (fs.existsSync(pkgFile)) pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const main = typeof pkg.main === 'string' && pkg.main ? pkg.main.replace(/^\.\//, '') : 'index.js';
  // The Functions worker expands `main` with globby; picomatch is the matcher globby's engine (fast-glob) uses.
  const isMatch = picomatch(main);
  const files = fs.existsSync(dir)
    ? walk(dir)
        .filter((f) => isMatch(f))
        .sort()
    : [];
  if (!files.length) {
    send({ type: 'loadFailed', code: 'CK_HOST_ENTRY_NOT_FOUND', message: `Found zero files matching the supplied pattern "${main}" in ${dir}.` });
    return;
  }
  const testModeWarnings: string[] = [];
  const origWarn = console.warn;
  console.warn = (...a: unknown[]) => {
    const text = format(...a);
    if (/test mode/i.test(text)) testModeWarnings.push(text);
    origWarn.apply(console, a);
  };
  try {
    for (const f of files) {
      const full = path.join(dir, f);
      try {
        if (f.endsWith('.mjs') || (pkg.type === 'module' && !f.endsWith('.cjs'))) await import(pathToFileURL(full).href);
        else require(full);
      } catch (e) {
        const err = e as Error;
        send({ type: 'loadFailed', code: 'CK_HOST_ENTRY_LOAD_FAILED', message: `Worker was unable to load entry point "${f}": ${err?.message ?? String(e)}`, stack: err?.stack });
        return;
      }
    }
  } finally {
    console.warn = origWarn;
  }
  // Capabilities the worker announces (getWorkerCapabilities.ts); getCapabilities also locks app.setup().
  let capabilities: Record<string, string> = {
    RawHttpBodyBytes: 'true',
    RpcHttpTriggerMetadataRemoved: 'true',
    RpcHttpBodyOnly: 'true',
    IgnoreEmptyValuedRpcHttpHeaders: 'true',
    UseNullableValueDictionaryForHttp: 'true',
    WorkerStatus: 'true',
    TypedDataCollection: 'true',
    HandlesWorkerTerminateMessage: 'true',
  };
  if (model?.getCapabilities) capabilities = await model.getCapabilities(capabilities);
  try {
    for (const h of hooks.appStart!) await h({ hookData: {}, appHookData, functionAppDirectory: dir });
  } catch (e) {
    send({ type: 'loadFailed', code: 'CK_HOST_ENTRY_LOAD_FAILED', message: `An appStart hook failed: ${(e as Error)?.message ?? String(e)}`, stack: (e as Error)?.stack });
    return;
  }
  indexingLocked = true;
  const report: LoadReport = { functions: [...functions.values()].map((f) => f.meta), modelName: model?.name, modelVersion: model?.version, capabilities, testModeWarnings, files };
  send({ type: 'loaded', report });
}

async function invoke(msg: Extract<ToWorker, { type: 'invoke' }>): Promise<void> {
  const fn = functions.get(msg.functionId);
  const invocationId = msg.invocationId;
  try {
    if (!fn || !model) throw new Error(`Function "${msg.functionId}" is not registered.`);
    const name = fn.meta.name;
    let invocationCtx: unknown;
    const coreCtx = {
      invocationId,
      request: {
        invocationId,
        functionId: msg.functionId,
        inputData: [{ name: msg.triggerName, data: { http: msg.http } }],
        // Stream mode rebuilds the request from the proxy; it reads headers and route params from here.
        triggerMetadata: msg.stream
          ? {
              Headers: { json: JSON.stringify(Object.fromEntries(Object.entries(msg.http.nullableHeaders).map(([k, v]) => [k, v.value]))) },
              ...Object.fromEntries(Object.entries(msg.params).map(([k, v]) => [k, { string: v }])),
            }
          : {},
      },
      metadata: { name, bindings: fn.meta.bindings },
      state: undefined as string | undefined,
      log(level: string, category: string, message: string) {
        emitLog({ level, category, message, invocationContext: invocationCtx }, { functionName: name, invocationId });
      },
    };
    // The library copies the body with Buffer.from(bytes); handed the ArrayBuffer this thread owns (it was
    // transferred, see worker-client.ts), Buffer.from shares it instead, saving one copy of up to 100 MB. GET and
    // HEAD keep the Uint8Array: the library drops their body and reads bytes.length to warn about it.
    const bytes = msg.http.body?.bytes;
    if (bytes && !/^(get|head)$/i.test(msg.http.method) && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
      (msg.http.body as { bytes: unknown }).bytes = bytes.buffer;
    }
    const im = model.getInvocationModel(coreCtx);
    const { context, inputs } = await im.getArguments();
    // The library's HttpRequest now holds its own copy of the body; dropping ours (the library keeps this same
    // `http` object as its init) lets a large body's RPC bytes be collected while the function runs.
    delete msg.http.body;
    invocationCtx = context;
    const hookData: Record<string, unknown> = {};
    const pre: Record<string, unknown> = { hookData, appHookData, invocationContext: context, inputs, functionCallback: fn.callback };
    coreCtx.state = 'preInvocationHooks';
    for (const h of hooks.preInvocation!) await h(pre);
    coreCtx.state = 'invocation';
    const post: Record<string, unknown> = { hookData, appHookData, invocationContext: context, inputs: pre.inputs, result: null, error: null };
    try {
      post.result = await im.invokeFunction(context, pre.inputs as unknown[], pre.functionCallback);
    } catch (e) {
      post.error = e;
    }
    coreCtx.state = 'postInvocationHooks';
    for (const h of hooks.postInvocation!) await h(post);
    coreCtx.state = undefined;
    if (post.error) throw post.error;
    const res = await im.getResponse(context, post.result);
    const http = (res.returnValue as { http?: unknown } | null | undefined)?.http;
    // Stream mode answers over the library's proxy; an empty object tells the host a response was sent there.
    if (msg.stream) send({ type: 'result', id: msg.id, http: post.result === null || post.result === undefined ? null : {} });
    else send({ type: 'result', id: msg.id, http: (http as never) ?? null });
  } catch (e) {
    const err = e as Error;
    send({ type: 'result', id: msg.id, http: null, error: { message: err?.message ?? String(e), stack: err?.stack } });
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'load') void load(msg.appDir).catch((e) => send({ type: 'loadFailed', code: 'CK_HOST_ENTRY_LOAD_FAILED', message: String((e as Error)?.message ?? e), stack: (e as Error)?.stack }));
  else if (msg.type === 'invoke') void invoke(msg);
  else if (msg.type === 'terminate') {
    void (async () => {
      for (const h of hooks.appTerminate!) {
        try {
          await h({ hookData: {}, appHookData });
        } catch (e) {
          send({ type: 'log', level: 'error', category: 'system', message: `appTerminate hook failed: ${(e as Error)?.message}` });
        }
      }
      send({ type: 'terminated' });
    })();
  }
});
