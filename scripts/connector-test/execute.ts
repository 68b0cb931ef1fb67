/**
 * Executes one action call as the platform would: builds the request (policies applied), resolves dynamic values,
 * sends it, follows x-ms-pageable next links to the end, checks the status, the response schema (dynamic schema
 * included) and the scenario's assertions. A trigger executor (later) implements the same CaseResult contract.
 */
import { buildRequest } from './build-request';
import { dynamicSchema, dynamicValues, type CallOperation } from './dynamic';
import { deepEqual, getPointer } from './pointer';
import type { ResponseChecker } from './response-check';
import type { CaseFailure, CaseResult, ConnectorModel, ConnectorOperation, Obj, TestTarget } from './types';
import { deref } from './definition';

const MAX_PAGES = 100;

export interface Sent {
  status: number;
  headers: Headers;
  body: unknown;
  ms: number;
}

/** Sends the request; a network failure is thrown (the runner reports the target as unreachable). */
export async function send(method: string, url: string, headers: Record<string, string>, body: string | undefined, target: TestTarget): Promise<Sent> {
  const auth = await target.authorization?.();
  const t0 = performance.now();
  const res = await fetch(url, {
    method: method.toUpperCase(),
    headers: { accept: 'application/json', ...(auth ? { authorization: auth } : {}), ...headers },
    ...(body !== undefined ? { body } : {}),
    redirect: 'manual',
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  let parsed: unknown = text;
  if (text && /json/i.test(res.headers.get('content-type') ?? '')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      /* kept as text: the schema check reports it */
    }
  }
  return { status: res.status, headers: res.headers, body: text ? parsed : undefined, ms };
}

/**
 * Calls an operation with inputs (no checks) — what dynamic values/schema need. Answers are cached per run and
 * inputs, as the designer caches a dropdown's list while a flow is edited.
 */
export function operationCaller(model: ConnectorModel, target: TestTarget, cache = new Map<string, Promise<{ status: number; body: unknown }>>()): CallOperation {
  return (operationId, inputs) => {
    const key = `${operationId} ${JSON.stringify(inputs)}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = callOnce(model, target, operationId, inputs);
      cache.set(key, hit);
    }
    return hit;
  };
}

async function callOnce(model: ConnectorModel, target: TestTarget, operationId: string, inputs: Obj): Promise<{ status: number; body: unknown }> {
  const op = model.operations.get(operationId);
  if (!op) throw new Error(`operation ${operationId} does not exist`);
  const { req } = buildRequest(model, op, inputs, target);
  const r = await send(req.method, req.url.toString(), req.headers, req.body, target);
  return { status: r.status, body: r.body };
}

function responseSchema(op: ConnectorOperation, status: number): Obj | undefined {
  const responses = op.op.responses ?? {};
  return (responses[String(status)] ?? responses.default)?.schema as Obj | undefined;
}

export interface ActionCall {
  name: string;
  kind: 'action' | 'smoke';
  op: ConnectorOperation;
  inputs: Obj;
  expect: { status?: number; output?: Record<string, unknown>; headers?: Record<string, string> };
  file?: string;
}

export async function executeAction(
  model: ConnectorModel,
  target: TestTarget,
  checker: ResponseChecker,
  c: ActionCall,
  call: CallOperation = operationCaller(model, target),
): Promise<{ result: CaseResult; output: unknown; headers?: Headers; skippedPolicies: string[] }> {
  const failures: CaseFailure[] = [];
  const inputs = { ...c.inputs };
  // Dynamic values: the input must be one the list offers (a smoke call takes the first).
  const bodyParam = c.op.params.find((p) => p.in === 'body');
  const bodySchema = bodyParam ? deref(model.def, bodyParam.schema) : undefined;
  const dynamicSites: Array<{ where: string; spec: Obj; get: () => unknown; set: (v: unknown) => void }> = [];
  for (const p of c.op.params)
    if (p['x-ms-dynamic-values']) dynamicSites.push({ where: `/inputs/${p.name}`, spec: p['x-ms-dynamic-values'], get: () => inputs[p.name], set: (v) => (inputs[p.name] = v) });
  for (const [k, s] of Object.entries<Obj>(bodySchema?.properties ?? {})) {
    if (s['x-ms-dynamic-values'] && bodyParam)
      dynamicSites.push({ where: `/inputs/${bodyParam.name}/${k}`, spec: s['x-ms-dynamic-values'], get: () => inputs[bodyParam.name]?.[k], set: () => undefined });
  }
  for (const site of dynamicSites) {
    try {
      const allowed = await dynamicValues(site.spec, inputs, call);
      const v = site.get();
      if (v === undefined && c.kind === 'smoke' && allowed.length) site.set(allowed[0]);
      else if (v !== undefined && !allowed.some((a) => deepEqual(a, v)))
        failures.push({
          check: 'dynamic-values',
          message: `${JSON.stringify(v)} is not among the values ${String(site.spec.operationId)} offers (${allowed
            .slice(0, 10)
            .map((a) => JSON.stringify(a))
            .join(', ')}).`,
          pointer: site.where,
        });
    } catch (e) {
      failures.push({ check: 'dynamic-values', message: `x-ms-dynamic-values of ${site.where}: ${(e as Error).message}`, pointer: site.where });
    }
  }
  if (bodyParam?.schema?.['x-ms-dynamic-schema'] || bodySchema?.['x-ms-dynamic-schema']) {
    try {
      const s = await dynamicSchema(bodyParam!.schema['x-ms-dynamic-schema'] ?? bodySchema!['x-ms-dynamic-schema'], inputs, call);
      for (const p of checker.check(`dyn-in:${c.op.operationId}:${JSON.stringify(s)}`, s, inputs[bodyParam!.name]))
        failures.push({ check: 'dynamic-schema', message: `input ${p.message}`, pointer: `/inputs/${bodyParam!.name}${p.pointer}` });
    } catch (e) {
      failures.push({ check: 'dynamic-schema', message: (e as Error).message, pointer: `/inputs/${bodyParam!.name}` });
    }
  }
  const built = buildRequest(model, c.op, inputs, target);
  const base: Omit<CaseResult, 'ok' | 'failures' | 'ms' | 'pages'> = {
    name: c.name,
    kind: c.kind,
    operationId: c.op.operationId,
    method: built.req.method.toUpperCase(),
    url: built.req.url.toString(),
    ...(c.file ? { file: c.file } : {}),
  };
  if (built.missing.length) {
    failures.push({ check: 'request', message: `required input(s) missing: ${built.missing.join(', ')}`, pointer: '/inputs' });
    return { result: { ...base, ms: 0, pages: 0, ok: false, failures }, output: undefined, skippedPolicies: built.skippedPolicies };
  }
  const first = await send(built.req.method, built.req.url.toString(), built.req.headers, built.req.body, target);
  let ms = first.ms;
  let pages = 1;
  let output = first.body;
  const check = (body: unknown, page: number) => {
    const schema = responseSchema(c.op, first.status);
    if (!schema) return;
    for (const p of checker.check(`${c.op.operationId}:${first.status}`, schema, body))
      failures.push({ check: 'schema', message: `${page > 1 ? `page ${page}: ` : ''}${p.message}`, pointer: p.pointer });
  };
  if (c.expect.status !== undefined && first.status !== c.expect.status)
    failures.push({ check: 'status', message: `expected status ${c.expect.status}, got ${first.status}${errorText(first.body)}`, pointer: '/expect/status' });
  else if (c.expect.status === undefined && first.status >= 300) failures.push({ check: 'status', message: `smoke call answered ${first.status}${errorText(first.body)}` });
  check(first.body, 1);
  // x-ms-pageable: follow the next link to the end; the output is every page's items under one `value`.
  const nextName = c.op.op['x-ms-pageable']?.nextLinkName as string | undefined;
  if (nextName && first.status < 300 && output && typeof output === 'object') {
    const all = [...(((output as Obj).value as unknown[]) ?? [])];
    let next = (output as Obj)[nextName] as string | undefined;
    while (next && pages < MAX_PAGES) {
      const page = await send('get', new URL(next, built.req.url).toString(), { ...pickAuthless(built.req.headers) }, undefined, target);
      ms += page.ms;
      pages++;
      if (page.status >= 300) {
        failures.push({ check: 'pageable', message: `page ${pages} (${next}) answered ${page.status}${errorText(page.body)}`, pointer: `/${nextName}` });
        break;
      }
      check(page.body, pages);
      all.push(...(((page.body as Obj)?.value as unknown[]) ?? []));
      next = (page.body as Obj)?.[nextName] as string | undefined;
    }
    if (next) failures.push({ check: 'pageable', message: `still a next link after ${MAX_PAGES} pages`, pointer: `/${nextName}` });
    output = { ...(output as Obj), value: all, [nextName]: undefined };
  }
  const dyn = deref(model.def, responseSchema(c.op, first.status))['x-ms-dynamic-schema'] as Obj | undefined;
  if (dyn && first.status < 300) {
    try {
      const s = await dynamicSchema(dyn, inputs, call);
      for (const p of checker.check(`dyn-out:${c.op.operationId}:${JSON.stringify(s)}`, s, first.body)) failures.push({ check: 'dynamic-schema', message: p.message, pointer: p.pointer });
    } catch (e) {
      failures.push({ check: 'dynamic-schema', message: (e as Error).message });
    }
  }
  for (const [ptr, want] of Object.entries(c.expect.output ?? {})) {
    const got = getPointer(output, ptr);
    if (!deepEqual(got, want)) failures.push({ check: 'assertion', message: `${ptr || '(root)'}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`, pointer: ptr });
  }
  for (const [h, want] of Object.entries(c.expect.headers ?? {})) {
    const got = first.headers.get(h);
    if (got !== want) failures.push({ check: 'assertion', message: `header ${h}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`, pointer: `header:${h}` });
  }
  return { result: { ...base, status: first.status, ms, pages, ok: failures.length === 0, failures }, output, headers: first.headers, skippedPolicies: built.skippedPolicies };
}

function pickAuthless(h: Record<string, string>): Record<string, string> {
  const { 'content-type': _c, ...rest } = h;
  return rest;
}

function errorText(body: unknown): string {
  const e = (body as { error?: { code?: string; message?: string } })?.error;
  return e?.code ? ` (${e.code}: ${String(e.message ?? '').slice(0, 160)})` : '';
}
