/**
 * The connectors the validator is measured on — every one merged by Microsoft after review, so an error on one of
 * them is a false error unless the file itself is broken:
 * - the development corpus (70): `scripts/testing/contracts/connectors-dev`, a copy kept in the repository
 *   (CK_ANCHORS_DIR points elsewhere). Every clone tests on it.
 * - the population corpus (456 more of the same PowerPlatformConnectors snapshot, chosen by a hash of the path):
 *   read from `anchors/connectors-corpus` in the `shared` folder beside the clone (CI has it there), or from
 *   `$CK_ANCHORS_DIR/connectors-corpus`. Not copied into the repository: 42 MB of third-party data would be most of
 *   the repository, and the rule fixtures, mutation tests and the 70 already test every rule on a bare clone.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { anchorsPath, DEFAULT_ANCHORS_DIR } from '../testing/anchors';

/** Absolute path of the corpus folder (CK_ANCHORS_DIR honoured). */
export const CORPUS_DIR = process.env.CK_ANCHORS_DIR ? path.resolve(process.env.CK_ANCHORS_DIR, 'connectors-dev') : path.join(DEFAULT_ANCHORS_DIR, 'connectors-dev');

/** Absolute path of the population corpus: $CK_ANCHORS_DIR/connectors-corpus, else anchors/connectors-corpus in the `shared` folder beside the repository. */
export const POPULATION_DIR = process.env.CK_ANCHORS_DIR
  ? path.resolve(process.env.CK_ANCHORS_DIR, 'connectors-corpus')
  : path.resolve(__dirname, '..', '..', '..', 'shared', 'anchors', 'connectors-corpus');

/** Connector folder names of the corpus, sorted; throws a clear error when the corpus is absent. */
export function corpusConnectors(): string[] {
  anchorsPath('connectors-dev');
  return subfolders(CORPUS_DIR);
}

/** Why the population corpus cannot be read, or undefined when it is there. */
export function populationMissing(): string | undefined {
  if (existsSync(POPULATION_DIR)) return undefined;
  return (
    `The population corpus (456 merged connectors) is missing: expected ${POPULATION_DIR}. It is not kept in the repository; ` +
    'put the shared folder (with anchors in it) beside the clone, as CI does, or set CK_ANCHORS_DIR to a folder holding connectors-corpus.'
  );
}

/** Connector folder names of the population corpus, sorted; throws populationMissing()'s message when absent. */
export function populationConnectors(): string[] {
  const missing = populationMissing();
  if (missing) throw new Error(missing);
  return subfolders(POPULATION_DIR);
}

function subfolders(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => statSync(path.join(dir, n)).isDirectory())
    .sort();
}
