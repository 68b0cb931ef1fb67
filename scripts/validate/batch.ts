/**
 * Many connector folders in one process: `findConnectorDirs` (every folder below a parent that holds an
 * apiDefinition.swagger.json) and `validateConnectorDirs` (one report per folder, schemas compiled once).
 */
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { CkError } from '../core/errors';
import { validateConnectorDir, checkLevel } from './validate';
import { SWAGGER_FILE, type ValidateOptions, type ValidationLevel, type ValidationReport } from './types';

/** The report of one folder of a batch. */
export interface FolderReport extends ValidationReport {
  /** The folder as given (or as found below the --recursive parent). */
  dir: string;
}

/** The result of validating several folders. */
export interface BatchReport {
  level: ValidationLevel;
  folders: FolderReport[];
  /** Sum of the folders' errors / warnings. */
  errors: number;
  warnings: number;
  /** Folders with at least one error. */
  failed: number;
}

// Dependency and VCS folders never hold a connector of the project and can be huge.
const SKIP = new Set(['node_modules', '.git']);

/**
 * Every folder at or below `parent` that holds an apiDefinition.swagger.json, sorted. Symbolic links are not followed
 * (no loops). Throws CK_VALIDATE_DIR_NOT_FOUND when `parent` is not a folder, CK_VALIDATE_NO_CONNECTORS when none is found.
 */
export async function findConnectorDirs(parent: string): Promise<string[]> {
  const st = await stat(parent).catch(() => undefined);
  if (!st?.isDirectory()) throw new CkError({ code: 'CK_VALIDATE_DIR_NOT_FOUND', message: `The folder ${parent} does not exist.`, target: parent });
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === SWAGGER_FILE)) out.push(dir);
    for (const e of entries) if (e.isDirectory() && !SKIP.has(e.name)) await walk(path.join(dir, e.name));
  };
  await walk(parent);
  if (out.length === 0) throw new CkError({ code: 'CK_VALIDATE_NO_CONNECTORS', message: `No folder at or below ${parent} holds an ${SWAGGER_FILE}.`, target: parent });
  // Code-unit order: the same on every machine and locale.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Validates each folder in turn (one process: the schemas compile once). A folder that does not exist is an error
 * before any work (CK_VALIDATE_DIR_NOT_FOUND names it). `onProgress` is called after each folder.
 */
export async function validateConnectorDirs(dirs: string[], opts: ValidateOptions = {}, onProgress?: (done: number, total: number, dir: string) => void): Promise<BatchReport> {
  const level = checkLevel(opts.level ?? 'platform');
  for (const dir of dirs) {
    const st = await stat(dir).catch(() => undefined);
    if (!st?.isDirectory()) throw new CkError({ code: 'CK_VALIDATE_DIR_NOT_FOUND', message: `The connector folder ${dir} does not exist.`, target: dir });
  }
  const folders: FolderReport[] = [];
  for (const dir of dirs) {
    folders.push({ dir, ...(await validateConnectorDir(dir, { level })) });
    onProgress?.(folders.length, dirs.length, dir);
  }
  return {
    level,
    folders,
    errors: folders.reduce((n, f) => n + f.errors, 0),
    warnings: folders.reduce((n, f) => n + f.warnings, 0),
    failed: folders.filter((f) => f.errors > 0).length,
  };
}

/** The most frequent rule ids of a report's findings of one severity (ties by id), e.g. ["JsonNotParseable ×1"]. */
export function topRules(r: ValidationReport, severity: 'error' | 'warning', n = 3): string[] {
  const counts = new Map<string, number>();
  for (const f of r.findings) if (f.severity === severity) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([id, c]) => `${id} ×${c}`);
}
