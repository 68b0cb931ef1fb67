/**
 * The thin writer: breaking-change check against the folder on disk, offline validation, then an atomic,
 * only-on-change write of the whole folder (and optionally a deterministic zip, the same zipper as dist/app.zip).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CkError } from '../core/errors';
import { writeDirAtomic, writeIfChanged } from '../core/fs';
import { detectChanges } from './breaking/detect';
import type { ConnectorFolder, DefinitionChange, WriteConnectorOptions, WriteConnectorResult } from './types';
import { validateFolder } from './validate-folder';
import { deterministicZip } from '../bundle';

const DEF = 'apiDefinition.swagger.json';

/** Compares the folder's new apiDefinition with the one in `dir` (none → no changes). */
export function diffExisting(dir: string, folder: ConnectorFolder, allowBreaking = false): DefinitionChange[] {
  const file = path.join(dir, DEF);
  if (!existsSync(file)) return [];
  let oldDoc: Record<string, unknown>;
  try {
    oldDoc = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    if (allowBreaking) return [];
    throw new CkError({ code: 'CK_EXPORT_EXISTING_UNREADABLE', message: `${file} is not valid JSON: ${(e as Error).message}`, target: file, cause: e });
  }
  const text = folder.files[DEF]!;
  return detectChanges(oldDoc, JSON.parse(typeof text === 'string' ? text : text.toString('utf8')));
}

/**
 * Writes `folder` to `dir`. Throws CK_EXPORT_BREAKING_CHANGES (unless `allowBreaking`) or
 * CK_EXPORT_VALIDATION_FAILED before touching the disk; the folder is swapped in whole or not at all.
 * @example
 * const r = await writeConnector('connector', buildConnector({ spec, config }), { zip: 'dist/connector.zip' });
 */
export async function writeConnector(dir: string, folder: ConnectorFolder, opts: WriteConnectorOptions = {}): Promise<WriteConnectorResult> {
  const changes = diffExisting(dir, folder, opts.allowBreaking);
  const breaking = changes.filter((c) => c.breaking);
  const summary = changes.filter((c) => !c.breaking);
  if (breaking.length && !opts.allowBreaking) {
    throw new CkError({
      code: 'CK_EXPORT_BREAKING_CHANGES',
      message: `The new connector definition has ${breaking.length} breaking change(s) against ${path.join(dir, DEF)}: ${breaking.map((b) => `${b.operationId}: ${b.kind}`).join(', ')}.`,
      details: breaking.map((b) => ({ code: b.kind, message: b.message, target: `${b.operationId} ${b.pointer}` })),
      target: breaking[0]!.pointer,
      data: { breaking },
    });
  }
  const warnings = validateFolder(folder.files, opts.level ?? 'certification');
  const written = await writeDirAtomic(dir, folder.files);
  let zipFile: string | undefined;
  if (opts.zip) {
    zipFile = typeof opts.zip === 'string' ? opts.zip : `${path.resolve(dir)}.zip`;
    await writeIfChanged(zipFile, await deterministicZip(folder.files));
  }
  return {
    changed: written.changed,
    unchanged: written.unchanged,
    breaking,
    summary,
    ...(zipFile ? { zipFile } : {}),
    validated: warnings !== undefined,
    warnings: warnings ?? [],
  };
}
