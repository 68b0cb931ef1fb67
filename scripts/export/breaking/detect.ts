/**
 * Breaking-change detection between two apiDefinitions, keyed by operationId like Microsoft's Breaking Change
 * Detector (connector-format.md §3, §7.6). Breaking classes: operation-deleted, operation-renamed,
 * path-template-changed, parameter-location-changed, parameter-type-changed, new-required-input,
 * output-type-changed, enum-values-added (an enum list added to an input that had none) and enum-values-removed.
 * Everything else is summarised as non-breaking (operation-added, parameter-added, doc-changed, …).
 */
import type { DefinitionChange } from '../types';
import { ptr } from '../text';
import { METHODS } from '../api-definition';

type Obj = Record<string, any>;

interface OpEntry {
  id: string;
  method: string;
  path: string;
  op: Obj;
  params: Obj[];
  at: string;
}

function indexOps(doc: Obj): Map<string, OpEntry> {
  const out = new Map<string, OpEntry>();
  for (const [p, item] of Object.entries<Obj>(doc.paths ?? {})) {
    for (const m of METHODS) {
      const op = item?.[m];
      if (!op || typeof op.operationId !== 'string') continue;
      const shared = (item.parameters ?? []) as Obj[];
      const own = (op.parameters ?? []) as Obj[];
      const params = [...own, ...shared.filter((s) => !own.some((o) => deref(doc, o).name === deref(doc, s).name))].map((x) => deref(doc, x));
      out.set(op.operationId, { id: op.operationId, method: m, path: p, op, params, at: ptr('paths', p, m) });
    }
  }
  return out;
}

function deref(doc: Obj, x: Obj, seen = 0): Obj {
  if (!x || typeof x.$ref !== 'string' || seen > 20) return x ?? {};
  const parts = x.$ref
    .replace(/^#\//, '')
    .split('/')
    .map((s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cur: any = doc;
  for (const s of parts) cur = cur?.[s];
  return deref(doc, cur ?? {}, seen + 1);
}

function typeOf(doc: Obj, s: Obj): string {
  const r = deref(doc, s);
  if (r.type) return String(r.type);
  if (r.properties) return 'object';
  if (r.items) return 'array';
  return 'any';
}

/** Lists the changes from `oldDoc` to `newDoc`; `breaking` marks the ones that break existing flows and apps. */
export function detectChanges(oldDoc: Obj, newDoc: Obj): DefinitionChange[] {
  const out: DefinitionChange[] = [];
  const olds = indexOps(oldDoc);
  const news = indexOps(newDoc);
  const add = (kind: string, breaking: boolean, operationId: string, pointer: string, message: string) => out.push({ kind, breaking, operationId, pointer, message });

  for (const o of olds.values()) {
    const n = news.get(o.id);
    if (!n) {
      const same = [...news.values()].find((x) => x.method === o.method && x.path === o.path && !olds.has(x.id));
      if (same)
        add('operation-renamed', true, o.id, `operation/${o.id}`, `The operation ${o.id} has been renamed to ${same.id}. This change breaks existing flows (they refer to operations by operationId).`);
      else add('operation-deleted', true, o.id, `operation/${o.id}`, `The operation ${o.id} has been deleted. This change breaks existing flows.`);
      continue;
    }
    if (o.method !== n.method || o.path !== n.path) {
      add('path-template-changed', true, o.id, n.at, `The path template has been changed for the operation ${o.id}: ${o.method.toUpperCase()} ${o.path} → ${n.method.toUpperCase()} ${n.path}.`);
    }
    compareOperation(oldDoc, newDoc, o, n, add);
  }
  for (const n of news.values()) {
    if (!olds.has(n.id) && !out.some((c) => c.kind === 'operation-renamed' && c.message.includes(` to ${n.id}.`))) {
      add('operation-added', false, n.id, n.at, `The operation ${n.id} (${n.method.toUpperCase()} ${n.path}) has been added.`);
    }
  }
  return out;
}

type Add = (kind: string, breaking: boolean, operationId: string, pointer: string, message: string) => void;

function compareOperation(od: Obj, nd: Obj, o: OpEntry, n: OpEntry, add: Add): void {
  for (const k of ['summary', 'description', 'x-ms-visibility']) {
    if ((o.op[k] ?? '') !== (n.op[k] ?? '')) add('doc-changed', false, n.id, `${n.at}/${k}`, `The ${k} of ${n.id} has changed.`);
  }
  const ownParams = (n.op.parameters ?? []) as Obj[];
  // A changed path template is reported once; its renamed path parameters are part of that change.
  const moved = o.path !== n.path;
  n.params.forEach((np) => {
    if (moved && np.in === 'path') return;
    const idx = ownParams.findIndex((x) => deref(nd, x).name === np.name);
    const at = idx >= 0 ? `${n.at}/parameters/${idx}` : `${n.at}/parameters`;
    // tsoa names the body after the method argument; a renamed argument is still the same body.
    const op = o.params.find((x) => x.name === np.name) ?? (np.in === 'body' ? o.params.find((x) => x.in === 'body') : undefined);
    if (!op) {
      if (np.required) add('new-required-input', true, n.id, at, `The required input ${np.name} has been added to ${n.id}; existing flows do not set it.`);
      else add('parameter-added', false, n.id, at, `The optional input ${np.name} has been added to ${n.id}.`);
      return;
    }
    if (op.in !== np.in) {
      add('parameter-location-changed', true, n.id, at, `The location has been changed for the parameter ${np.name} of ${n.id}: ${op.in} → ${np.in}.`);
      return;
    }
    if (np.required && !op.required) add('new-required-input', true, n.id, at, `The input ${np.name} of ${n.id} is now required.`);
    if ((op['x-ms-summary'] ?? '') !== (np['x-ms-summary'] ?? '') || (op.description ?? '') !== (np.description ?? '')) {
      add('doc-changed', false, n.id, at, `The documentation of input ${np.name} of ${n.id} has changed.`);
    }
    if (np.in === 'body') compareSchema(od, nd, op.schema ?? {}, np.schema ?? {}, 'input', n.id, `${at}/schema`, np.name, add, 0);
    else compareSchema(od, nd, op, np, 'input', n.id, at, np.name, add, 0);
  });
  for (const op of o.params) {
    if (moved && op.in === 'path') continue;
    if (!n.params.some((x) => x.name === op.name || (op.in === 'body' && x.in === 'body')))
      add('parameter-removed', false, n.id, n.at, `The input ${op.name} has been removed from ${n.id}; flows that set it ignore the value.`);
  }
  const [oc, os] = successSchema(o.op);
  const [nc, ns] = successSchema(n.op);
  if (os && ns) compareSchema(od, nd, os, ns, 'output', n.id, `${n.at}/responses/${nc}/schema`, 'body', add, 0);
  else if (os && !ns) add('output-type-changed', true, n.id, `${n.at}/responses`, `The type has been changed for the output of ${n.id}: the ${oc} response no longer has a schema.`);
}

function successSchema(op: Obj): [string, Obj | undefined] {
  const codes = Object.keys(op.responses ?? {})
    .filter((c) => /^2\d\d$/.test(c))
    .sort();
  for (const c of codes) if (op.responses[c]?.schema) return [c, op.responses[c].schema];
  return [codes[0] ?? '', undefined];
}

function compareSchema(od: Obj, nd: Obj, os: Obj, ns: Obj, dir: 'input' | 'output', id: string, at: string, field: string, add: Add, depth: number): void {
  if (depth > 12) return;
  const o = deref(od, os);
  const n = deref(nd, ns);
  const ot = typeOf(od, o);
  const nt = typeOf(nd, n);
  if (ot !== nt && ot !== 'any') {
    if (dir === 'input') add('parameter-type-changed', true, id, at, `The type has been changed for the input field ${field} of ${id}: ${ot} → ${nt}.`);
    else add('output-type-changed', true, id, at, `The type has been changed for the output field ${field} of ${id}: ${ot} → ${nt}.`);
    return;
  }
  if (dir === 'input') {
    const oe = Array.isArray(o.enum) ? o.enum.map(String) : undefined;
    const ne = Array.isArray(n.enum) ? n.enum.map(String) : undefined;
    if (ne && !oe) add('enum-values-added', true, id, `${at}/enum`, `The list of enum values has been added to the input field ${field} of ${id}; values existing flows send may now be rejected.`);
    if (ne && oe) {
      const removed = oe.filter((v) => !ne.includes(v));
      if (removed.length) add('enum-values-removed', true, id, `${at}/enum`, `Enum values ${removed.join(', ')} have been removed from the input field ${field} of ${id}.`);
    }
  }
  if (nt === 'object') {
    const oreq: string[] = Array.isArray(o.required) ? o.required : [];
    const nreq: string[] = Array.isArray(n.required) ? n.required : [];
    const op = o.properties ?? {};
    const np = n.properties ?? {};
    for (const [k, v] of Object.entries<Obj>(np)) {
      const pat = `${at}/properties/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!(k in op)) {
        if (dir === 'input' && nreq.includes(k)) add('new-required-input', true, id, pat, `The required input field ${field}.${k} has been added to ${id}.`);
        continue;
      }
      if (dir === 'input' && nreq.includes(k) && !oreq.includes(k)) add('new-required-input', true, id, pat, `The input field ${field}.${k} of ${id} is now required.`);
      compareSchema(od, nd, op[k], v, dir, id, pat, `${field}.${k}`, add, depth + 1);
    }
    if (dir === 'output') {
      for (const k of Object.keys(op))
        if (!(k in np)) add('output-field-removed', false, id, `${at}/properties`, `The output field ${field}.${k} of ${id} has been removed; flows reading it get no value.`);
    }
  }
  if (nt === 'array' && o.items && n.items) compareSchema(od, nd, o.items, n.items, dir, id, `${at}/items`, `${field}[]`, add, depth + 1);
}
