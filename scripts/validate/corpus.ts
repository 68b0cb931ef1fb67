/**
 * The development corpus (70 connectors Microsoft merged) beside the repo: `../shared/anchors/connectors-dev`.
 * Tests and the bench read it from there (it exists beside the clone in CI too).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** Absolute path of the corpus folder. */
export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/anchors/connectors-dev');

/** Connector folder names of the corpus, sorted; throws a clear error when the corpus is absent. */
export function corpusConnectors(): string[] {
  if (!existsSync(CORPUS_DIR)) {
    throw new Error(`The development corpus is missing: expected ${CORPUS_DIR} (../shared/anchors/connectors-dev beside the repository). Check out shared/ next to the repo.`);
  }
  return readdirSync(CORPUS_DIR)
    .filter((n) => statSync(path.join(CORPUS_DIR, n)).isDirectory())
    .sort();
}
