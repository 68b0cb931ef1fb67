/** The "try it" curl line `serve` prints: the first GET operation of the spec (or of the functions) with example values. */
import { existsSync, readFileSync } from 'node:fs';
import type { FunctionInfo } from './types';

interface SpecParam {
  name: string;
  in: string;
  required?: boolean;
  type?: string;
  default?: unknown;
  enum?: unknown[];
  'x-example'?: unknown;
}
interface SpecOp {
  parameters?: SpecParam[];
  security?: unknown[];
}

function example(p: SpecParam): string {
  const v = p['x-example'] ?? p.default ?? p.enum?.[0];
  if (v !== undefined) return encodeURIComponent(String(v));
  return p.type === 'integer' || p.type === 'number' ? '1' : p.type === 'boolean' ? 'true' : 'example';
}

/** Returns a shell line, or undefined when there is no GET operation. `auth` adds the header a secured call needs. */
export function tryItCurl(opts: { specFile?: string; functions: FunctionInfo[]; base: string; tokenCommand: string; keyCommand?: string }): string | undefined {
  if (opts.specFile && existsSync(opts.specFile)) {
    try {
      const spec = JSON.parse(readFileSync(opts.specFile, 'utf8')) as { paths?: Record<string, Record<string, SpecOp>>; security?: unknown[] };
      for (const [p, item] of Object.entries(spec.paths ?? {})) {
        const op = item.get;
        if (!op) continue;
        const params = [...((item as { parameters?: SpecParam[] }).parameters ?? []), ...(op.parameters ?? [])];
        let url = opts.base + p.replace(/\{([^}]+)\}/g, (_, n: string) => example(params.find((x) => x.name === n && x.in === 'path') ?? { name: n, in: 'path' }));
        const query = params.filter((x) => x.in === 'query' && x.required).map((x) => `${encodeURIComponent(x.name)}=${example(x)}`);
        if (query.length) url += `?${query.join('&')}`;
        const secured = (op.security ?? spec.security ?? []).length > 0;
        return `curl -i ${secured ? `-H "Authorization: Bearer $(${opts.tokenCommand})" ` : ''}${opts.keyCommand ? `-H "x-functions-key: $(${opts.keyCommand})" ` : ''}"${url}"`;
      }
    } catch {
      /* fall back to the functions */
    }
  }
  const f =
    opts.functions.find((x) => x.trigger.toLowerCase() === 'httptrigger' && (x.methods.length === 0 || x.methods.includes('GET')) && !x.route.includes('{')) ??
    opts.functions.find((x) => x.trigger.toLowerCase() === 'httptrigger' && (x.methods.length === 0 || x.methods.includes('GET')));
  if (!f) return undefined;
  const url = f.url.replace(/\{\*?\*?([^}:?=]+)[^}]*\}/g, (m) => (/:(int|long|min|max|range)/.test(m) ? '1' : 'example'));
  const key = opts.keyCommand && f.authLevel !== 'anonymous' ? `-H "x-functions-key: $(${opts.keyCommand})" ` : '';
  return `curl -i ${key}"${url}"`;
}
