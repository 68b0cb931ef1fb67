/**
 * The development corpus (70 connectors Microsoft merged): `scripts/testing/contracts/connectors-dev`, kept in the
 * repository (CK_ANCHORS_DIR points elsewhere). Tests and the bench read it.
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { anchorsPath, DEFAULT_ANCHORS_DIR } from '../testing/anchors';

/** Absolute path of the corpus folder (CK_ANCHORS_DIR honoured). */
export const CORPUS_DIR = process.env.CK_ANCHORS_DIR ? path.resolve(process.env.CK_ANCHORS_DIR, 'connectors-dev') : path.join(DEFAULT_ANCHORS_DIR, 'connectors-dev');

/** Connector folder names of the corpus, sorted; throws a clear error when the corpus is absent. */
export function corpusConnectors(): string[] {
  anchorsPath('connectors-dev');
  return readdirSync(CORPUS_DIR)
    .filter((n) => statSync(path.join(CORPUS_DIR, n)).isDirectory())
    .sort();
}
