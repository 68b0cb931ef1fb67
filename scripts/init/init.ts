/**
 * `connectorkit init <dir>`: writes a new project that depends on connectorkit (functions/ with one example
 * controller and model, infra/environments/dev.json, host.json, tsconfig.json, package.json, .gitignore, .ci/run,
 * README.md). Refuses a folder that has anything in it; the files appear all at once or not at all.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CkError } from '../core/errors';
import { writeDirAtomic } from '../core/fs';
import { initFiles } from './files';
import { projectNames, titleFromFolder, type ProjectNames } from './names';
import './codes';

export interface InitOptions {
  /** Display name (api.title, connector title); default: from the folder name. */
  name?: string;
  /** The `connectorkit` dependency spec; default: this connectorkit's version. A tarball or folder path is taken relative to `cwd`. */
  framework?: string;
  cwd?: string;
}

export interface InitResult {
  dir: string;
  names: ProjectNames;
  framework: string;
  files: string[];
}

/** The package.json of the running connectorkit (this file is <package>/init/init.ts). */
function ownPackage(): { version: string; dependencies: Record<string, string> } {
  return JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
}

/** @types/node of the Node line connectorkit supports (engines: node >= 20); the repository's tests use the same. */
export const TYPES_NODE_VERSION = '20.19.25';

export async function initProject(dir: string, opts: InitOptions = {}): Promise<InitResult> {
  const target = path.resolve(dir);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new CkError({ code: 'CK_INIT_DIR_NOT_EMPTY', message: `${target} is not empty; connectorkit init writes only into a new or empty folder.`, target });
  }
  const names = projectNames(opts.name ?? titleFromFolder(path.basename(target)));
  const own = ownPackage();
  const framework = opts.framework ? dependencySpec(opts.framework, opts.cwd ?? process.cwd(), target) : own.version;
  const files = initFiles({ names, framework, typescript: own.dependencies.typescript!, typesNode: TYPES_NODE_VERSION });
  await writeDirAtomic(target, files);
  return { dir: target, names, framework, files: Object.keys(files).sort() };
}

/** A path (tarball or folder) becomes `file:` relative to the new project, as npm resolves it; a version stays. */
function dependencySpec(spec: string, cwd: string, target: string): string {
  const isPath = spec.startsWith('.') || spec.startsWith('/') || spec.endsWith('.tgz');
  if (!isPath) return spec;
  const rel = path
    .relative(target, path.resolve(cwd, spec.replace(/^file:/, '')))
    .split(path.sep)
    .join('/');
  return `file:${rel.startsWith('.') ? rel : `./${rel}`}`;
}
