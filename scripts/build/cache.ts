/**
 * The build cache. Its key is a hash of every input, computed WITHOUT the TypeScript program so a no-change
 * rebuild stays far below 0.5 s:
 *  - every file under the source roots (the entry's folder and the controller globs' static prefixes, i.e.
 *    functions/), minus the generated folder and node_modules;
 *  - every file the previous build's TypeScript program read outside those roots (recorded in the manifest): a
 *    new import of another file needs an edit to a file already hashed, so the key still changes;
 *  - the merged config, package.json, host.json, tsconfig.json, package-lock.json;
 *  - connectorkit's version and the sources of its build stages (runtime, routes, spec, metadata, bundle, build).
 * A hit also requires every output to still hold the bytes the manifest recorded.
 */
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { LoadedConfig } from '../config';
import type { LintFinding } from '../spec';

export interface CacheManifest {
  key: string;
  /** Project-relative files the TS program read (from the last full build). */
  inputFiles: string[];
  /** Project-relative output file → sha256. */
  outputs: Record<string, string>;
  functions: number;
  findings: LintFinding[];
}

const STAGES = ['runtime', 'routes', 'spec', 'metadata', 'bundle', 'build'];
const SCRIPTS = path.resolve(__dirname, '..');

export const manifestFile = (loaded: LoadedConfig) => loaded.resolve(path.join(loaded.config.outDir, '.cache', 'build.json'));

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

async function walk(dir: string, skip: (abs: string) => boolean, out: string[]): Promise<void> {
  let ents;
  try {
    ents = await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of ents) {
    const abs = path.join(dir, e.name);
    if (skip(abs)) continue;
    if (e.isDirectory()) await walk(abs, skip, out);
    else if (e.isFile()) out.push(abs);
  }
}

/** The folders whose every file is an input: the entry's folder and the static prefix of each controller glob. */
export function sourceRoots(loaded: LoadedConfig): string[] {
  const { config } = loaded;
  const roots = [path.dirname(loaded.resolve(config.entryFile))];
  for (const g of config.controllerPathGlobs) {
    // A plain file path (no glob) hashes its folder: walking the file itself would hash nothing.
    const scan = picomatch.scan(g);
    roots.push(loaded.resolve((scan.isGlob ? scan.base : path.posix.dirname(g)) || '.'));
  }
  const sorted = [...new Set(roots)].sort();
  return sorted.filter((r) => !sorted.some((o) => o !== r && r.startsWith(o + path.sep)));
}

/** Hashes every input; `previous` supplies the files read outside the source roots. */
export async function computeCacheKey(loaded: LoadedConfig, previous?: CacheManifest): Promise<string> {
  const gen = loaded.resolve(loaded.config.generatedDir);
  const skip = (abs: string) => abs === gen || abs.startsWith(gen + path.sep) || path.basename(abs) === 'node_modules' || path.basename(abs) === '.git';
  const files: string[] = [];
  for (const r of sourceRoots(loaded)) await walk(r, skip, files);
  for (const f of previous?.inputFiles ?? []) files.push(loaded.resolve(f));
  for (const f of ['package.json', 'host.json', 'tsconfig.json', 'package-lock.json']) files.push(loaded.resolve(f));
  const own: string[] = [];
  for (const s of STAGES) await walk(path.join(SCRIPTS, s), (abs) => abs.includes(`${path.sep}testdata`) || abs.endsWith('.test.ts'), own);
  const h = createHash('sha256');
  h.update(JSON.stringify(loaded.config));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json lies outside the TypeScript root; require reads it relative to this file
  h.update(`connectorkit@${require('../package.json').version}\n`);
  const all = [...new Set(files.filter((f) => !skip(f)))].sort().concat(own.sort());
  const contents = await Promise.all(all.map((f) => fsp.readFile(f).catch(() => undefined)));
  all.forEach((f, i) => {
    h.update(`${path.relative(loaded.root, f)}\0`);
    h.update(contents[i] ? sha(contents[i]!) : 'missing');
    h.update('\n');
  });
  return h.digest('hex');
}

export async function readManifest(loaded: LoadedConfig): Promise<CacheManifest | undefined> {
  try {
    return JSON.parse(await fsp.readFile(manifestFile(loaded), 'utf8')) as CacheManifest;
  } catch {
    return undefined;
  }
}

/** True when every recorded output still has the recorded content. */
export async function outputsIntact(loaded: LoadedConfig, m: CacheManifest): Promise<boolean> {
  const checks = await Promise.all(Object.entries(m.outputs).map(async ([rel, hash]) => sha(await fsp.readFile(loaded.resolve(rel)).catch(() => '')) === hash));
  return checks.length > 0 && checks.every(Boolean);
}

export function hashOutputs(loaded: LoadedConfig, files: Record<string, Buffer | string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [abs, c] of Object.entries(files)) out[path.relative(loaded.root, abs).split(path.sep).join('/')] = sha(c);
  return out;
}
