/** Reads an exported connector folder into the runner's model: operations, parameters, policies, base URL. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CkError } from '../core/errors';
import type { ConnectorModel, ConnectorOperation, Obj } from './types';
import './codes';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

/** Follows a local `#/…` reference (JSON-pointer escaped) within the definition. */
export function deref(doc: Obj, x: Obj | undefined, depth = 0): Obj {
  if (!x || typeof x.$ref !== 'string' || depth > 30) return x ?? {};
  let cur: any = doc;
  for (const s of x.$ref
    .replace(/^#\//, '')
    .split('/')
    .map((p: string) => p.replace(/~1/g, '/').replace(/~0/g, '~')))
    cur = cur?.[s];
  return deref(doc, cur, depth + 1);
}

function pointer(...parts: string[]): string {
  return `/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

function readJson(dir: string, file: string): Obj {
  const f = path.join(dir, file);
  if (!existsSync(f)) throw new CkError({ code: 'CK_TEST_CONNECTOR_INVALID', message: `${file} is missing from ${dir}.`, target: f });
  try {
    return JSON.parse(readFileSync(f, 'utf8')) as Obj;
  } catch (e) {
    throw new CkError({ code: 'CK_TEST_CONNECTOR_INVALID', message: `${f} is not valid JSON: ${(e as Error).message}`, target: f, cause: e });
  }
}

export function loadConnector(dir: string): ConnectorModel {
  const def = readJson(dir, 'apiDefinition.swagger.json');
  const props = existsSync(path.join(dir, 'apiProperties.json')) ? (readJson(dir, 'apiProperties.json').properties ?? {}) : {};
  const operations = new Map<string, ConnectorOperation>();
  for (const [p, item] of Object.entries<Obj>(def.paths ?? {})) {
    for (const m of METHODS) {
      const op = item?.[m];
      if (!op?.operationId) continue;
      const own = ((op.parameters ?? []) as Obj[]).map((x) => deref(def, x));
      const shared = ((item.parameters ?? []) as Obj[]).map((x) => deref(def, x)).filter((s) => !own.some((o) => o.name === s.name && o.in === s.in));
      operations.set(op.operationId, {
        operationId: op.operationId,
        method: m,
        path: p,
        op,
        params: [...own, ...shared],
        pointer: pointer('paths', p, m),
        ...(op['x-ms-trigger'] ? { trigger: String(op['x-ms-trigger']) } : {}),
      });
    }
  }
  const scheme = (def.schemes as string[] | undefined)?.[0] ?? 'https';
  return { dir, def, operations, policies: (props.policyTemplateInstances ?? []) as Obj[], baseUrl: `${scheme}://${def.host ?? 'localhost'}${(def.basePath ?? '/').replace(/\/+$/, '')}` };
}
