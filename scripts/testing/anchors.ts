/**
 * Microsoft's published contracts used by the tests: the copy in scripts/testing/contracts (see SOURCE.md there), or
 * the folder named by CK_ANCHORS_DIR (same layout). One resolver, one clear error when a folder is missing.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** Default location: the copy kept in the repository, so a clean clone tests on its own. */
export const DEFAULT_ANCHORS_DIR = path.resolve(__dirname, 'contracts');

/**
 * Absolute path of `<anchors>/<sub>`; throws a message that says where it looked and how to fix it.
 * @example anchorsPath('apim-rest-spec/2024-05-01')
 */
export function anchorsPath(sub = ''): string {
  const root = process.env.CK_ANCHORS_DIR ? path.resolve(process.env.CK_ANCHORS_DIR) : DEFAULT_ANCHORS_DIR;
  const dir = path.join(root, sub);
  if (!existsSync(dir)) {
    throw new Error(
      `Microsoft's contract anchors are missing: expected ${dir}. The tests read them from scripts/testing/contracts ` +
        '(or the folder CK_ANCHORS_DIR names, with the same layout); restore that folder or fix CK_ANCHORS_DIR.',
    );
  }
  return dir;
}
