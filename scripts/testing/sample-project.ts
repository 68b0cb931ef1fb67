/**
 * Test/bench helper: a throwaway copy of this repo's sample project (functions/, package.json, host.json,
 * tsconfig.json; node_modules and scripts/ linked), built with `connectorkit build`, ready for `startHost`.
 * Building in a temp copy keeps tests off the shared working tree's dist/ and functions/.generated/.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from '../build';
import { loadConfig, type LoadedConfig } from '../config';
import { SilentIoHost } from '../core/io';
import { loadEnvironment, type DeployEnvironment } from '../deploy';
import { SUB, TENANT } from './ids';

const REPO = path.resolve(__dirname, '../..');

export interface SampleProject {
  dir: string;
  loaded: LoadedConfig;
  appDir: string;
  specFile: string;
  remove(): void;
}

/**
 * @param opts.edit changes the copied sources before the build (bench variants).
 * @param authModuleSource when given, replaces the auth module with this source (bench: "auth off" on the same
 * routes) — written to `bench-auth/index.ts` and set as `connectorkit.authModule`.
 */
export async function buildSampleProject(opts: { authModuleSource?: string; edit?: (dir: string) => void } = {}): Promise<SampleProject> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-sample-'));
  cpSync(path.join(REPO, 'functions'), path.join(dir, 'functions'), { recursive: true, filter: (src) => !src.includes(`${path.sep}.generated`) && !src.endsWith('.test.ts') });
  for (const f of ['package.json', 'host.json', 'tsconfig.json']) cpSync(path.join(REPO, f), path.join(dir, f));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  symlinkSync(path.join(REPO, 'scripts'), path.join(dir, 'scripts'), 'dir');
  if (opts.authModuleSource) {
    mkdirSync(path.join(dir, 'bench-auth'));
    writeFileSync(path.join(dir, 'bench-auth', 'index.ts'), opts.authModuleSource);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    pkg.connectorkit = { ...(pkg.connectorkit ?? {}), authModule: 'bench-auth/index.ts' };
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  }
  // Bench variants (e.g. CreateEmployee without its publish call) edit the copy before it is built.
  opts.edit?.(dir);
  const loaded = loadConfig({ cwd: dir, env: {} });
  await build(loaded, new SilentIoHost(), { cache: false });
  return {
    dir,
    loaded,
    appDir: loaded.resolve(path.join(loaded.config.outDir, 'app')),
    specFile: loaded.resolve(path.join(loaded.config.outDir, 'swagger.json')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The sample's infra/environments/dev.json as deploy reads it once a team has filled it in: a copy of infra/ with
 * the placeholder subscription and tenant replaced (`edit` may change more). loadEnvironment refuses the original.
 */
export function sampleEnvironment(edit: (env: Record<string, unknown>) => void = () => undefined): DeployEnvironment {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-sample-env-'));
  cpSync(path.join(REPO, 'infra'), path.join(dir, 'infra'), { recursive: true });
  const file = path.join(dir, 'infra/environments/dev.json');
  const env = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  Object.assign(env, { subscriptionId: SUB, tenantId: TENANT });
  edit(env);
  writeFileSync(file, JSON.stringify(env));
  try {
    return loadEnvironment(dir, 'dev');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
