/**
 * Loads the project config: defaults < package.json "connectorkit" < environment (CONNECTORKIT_A__B=value sets
 * a.b; JSON values allowed) < flags. Validated against schema.json; errors name the key path. Frozen.
 */
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { CkError, type ErrorDetail } from '../core/errors';
import { DEFAULTS } from './defaults';
import type { LoadedConfig, ProjectConfig } from './types';
import schema from './schema.json';

export interface LoadConfigOptions {
  /** Start folder; the nearest package.json upwards is the project root. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Key path → value from command-line flags, e.g. { 'serve.port': 8080 }. */
  flags?: Record<string, unknown>;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

export function findProjectRoot(cwd: string): string {
  let dir = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new CkError({ code: 'CK_CONFIG_FILE_UNREADABLE', message: `No package.json found in ${cwd} or any parent folder.`, hint: 'Run connectorkit inside your project folder.' });
    dir = up;
  }
}

export function loadConfig(opts: LoadConfigOptions = {}): LoadedConfig {
  const root = findProjectRoot(opts.cwd ?? process.cwd());
  const pkgFile = path.join(root, 'package.json');
  let pkg: { connectorkit?: unknown };
  try {
    pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  } catch (e) {
    throw new CkError({ code: 'CK_CONFIG_FILE_UNREADABLE', message: `Cannot parse ${pkgFile}: ${(e as Error).message}`, cause: e });
  }
  const sources: Record<string, string> = {};
  const merged = structuredClone(DEFAULTS) as unknown as Record<string, unknown>;
  markLeaves(merged, '', 'default', sources);
  if (pkg.connectorkit !== undefined) {
    if (typeof pkg.connectorkit !== 'object' || pkg.connectorkit === null || Array.isArray(pkg.connectorkit)) {
      throw new CkError({ code: 'CK_CONFIG_INVALID', message: 'package.json "connectorkit" must be an object.', target: 'connectorkit' });
    }
    deepMerge(merged, pkg.connectorkit as Record<string, unknown>, '', 'package.json', sources);
  }
  const env = opts.env ?? process.env;
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('CONNECTORKIT_') || raw === undefined) continue;
    const keyPath = envToKeyPath(name);
    if (!keyPath) continue;
    setPath(merged, keyPath, parseEnvValue(raw));
    sources[keyPath] = `env:${name}`;
  }
  for (const [keyPath, value] of Object.entries(opts.flags ?? {})) {
    if (value === undefined) continue;
    setPath(merged, keyPath, value);
    sources[keyPath] = `flag`;
  }
  if (!validate(merged)) {
    const details: ErrorDetail[] = (validate.errors ?? []).map((err) => {
      const key =
        (err.instancePath.replace(/^\//, '').replace(/\//g, '.') || '') +
        (err.params && 'additionalProperty' in err.params ? `${err.instancePath ? '.' : ''}${String(err.params.additionalProperty)}` : '');
      const from = sources[key] ?? 'package.json';
      return { code: 'CK_CONFIG_INVALID', message: `connectorkit.${key || '(root)'} ${err.message ?? 'is invalid'} (set by ${from})`, target: key };
    });
    throw new CkError({ code: 'CK_CONFIG_INVALID', message: `Invalid configuration: ${details.map((d) => d.message).join('; ')}`, details, target: details[0]?.target });
  }
  const config = deepFreeze(merged) as unknown as ProjectConfig;
  return { root, config, sources, resolve: (rel: string) => path.resolve(root, rel) };
}

/** CONNECTORKIT_SERVE__PORT → serve.port; CONNECTORKIT_OUT_DIR → outDir. */
export function envToKeyPath(name: string): string | undefined {
  const rest = name.slice('CONNECTORKIT_'.length);
  if (!rest) return undefined;
  return rest
    .split('__')
    .map((seg) => seg.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()))
    .join('.');
}

function parseEnvValue(raw: string): unknown {
  if (/^(true|false|null|-?\d+(\.\d+)?)$/.test(raw) || /^[[{"]/.test(raw)) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

function setPath(obj: Record<string, unknown>, keyPath: string, value: unknown): void {
  const segs = keyPath.split('.');
  let cur = obj;
  for (const s of segs.slice(0, -1)) {
    if (typeof cur[s] !== 'object' || cur[s] === null) cur[s] = {};
    cur = cur[s] as Record<string, unknown>;
  }
  cur[segs[segs.length - 1]!] = value;
}

function deepMerge(target: Record<string, unknown>, src: Record<string, unknown>, prefix: string, source: string, sources: Record<string, string>): void {
  for (const [k, v] of Object.entries(src)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isPlain(v) && isPlain(target[k])) deepMerge(target[k] as Record<string, unknown>, v, key, source, sources);
    else {
      target[k] = structuredClone(v);
      sources[key] = source;
    }
  }
}

function markLeaves(obj: Record<string, unknown>, prefix: string, source: string, sources: Record<string, string>): void {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isPlain(v)) markLeaves(v, key, source, sources);
    else sources[key] = source;
  }
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
