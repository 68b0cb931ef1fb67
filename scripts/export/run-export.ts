/**
 * `connectorkit export` as a stage: reads dist/swagger.json and the newest deploy outputs, builds the connector in
 * memory, checks breaking changes and validity, and writes it. Reports through the IoHost; never prints.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LoadedConfig } from '../config';
import { CkError } from '../core/errors';
import type { IoHost } from '../core/io';
import { buildConnector } from './build-connector';
import { readDeployOutputs } from './deploy-outputs';
import type { WriteConnectorOptions, WriteConnectorResult } from './types';
import { writeConnector } from './write-connector';

export interface RunExportOptions extends WriteConnectorOptions {
  /** Output folder (default config.connectorDir). */
  out?: string;
  /** Deploy environment whose outputs to use (default: the newest). */
  env?: string;
}

export interface RunExportResult extends WriteConnectorResult {
  dir: string;
  env?: string;
  operations: number;
  placeholders: string[];
}

/** Runs the export for a loaded project. */
export async function runExport(loaded: LoadedConfig, io: IoHost, opts: RunExportOptions = {}): Promise<RunExportResult> {
  const { config } = loaded;
  const specFile = loaded.resolve(path.join(config.outDir, 'swagger.json'));
  if (!existsSync(specFile)) {
    throw new CkError({
      code: 'CK_INPUT_NOT_FOUND',
      message: `${path.relative(loaded.root, specFile)} does not exist.`,
      hint: 'Run `connectorkit build` first; it writes the spec the connector is made from.',
      target: specFile,
    });
  }
  let spec: Record<string, unknown>;
  try {
    spec = JSON.parse(readFileSync(specFile, 'utf8'));
  } catch (e) {
    throw new CkError({ code: 'CK_EXPORT_SPEC_INVALID', message: `${specFile} is not valid JSON: ${(e as Error).message}`, hint: 'Run `connectorkit build` again.', cause: e });
  }
  const deployed = readDeployOutputs(loaded.root, opts.env);
  const dir = loaded.resolve(opts.out ?? config.connectorDir);
  const level = opts.level ?? config.connector.level ?? 'certification';
  const folder = await io.step('Build connector files', () => buildConnector({ spec, config, root: loaded.root, level, ...(deployed ? { deployOutputs: deployed.outputs } : {}) }));
  for (const n of folder.notices) io.log({ level: 'warn', message: `${n.target ? `${n.target}: ` : ''}${n.message}`, code: n.code });
  // The zip goes beside the other build outputs (gitignored), not beside the committed folder.
  const zip = opts.zip === true ? path.join(loaded.resolve(config.outDir), `${path.basename(dir)}.zip`) : opts.zip;
  const result = await io.step(`Write ${path.relative(loaded.root, dir) || '.'}`, () => writeConnector(dir, folder, { ...opts, level, zip }));
  for (const w of result.warnings) io.log({ level: 'warn', message: `${w.file}${w.pointer ? `#${w.pointer}` : ''}: ${w.message}`, code: w.ruleId });
  for (const b of result.breaking) io.log({ level: 'warn', message: `Breaking change allowed: ${b.operationId}: ${b.message}`, code: b.kind });
  return {
    ...result,
    dir,
    ...(deployed ? { env: deployed.env } : {}),
    operations: folder.model.operations.length,
    placeholders: folder.model.placeholders,
  };
}
