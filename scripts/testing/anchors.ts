/**
 * Microsoft's published contracts used by the tests: `../shared/anchors` beside the repository (CI lays a copy of
 * shared/ there too), or the folder named by CK_ANCHORS_DIR. One resolver, one clear error when it is missing.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** Default location: shared/anchors next to the repository root. */
export const DEFAULT_ANCHORS_DIR = path.resolve(__dirname, '../../../shared/anchors');

/**
 * Absolute path of `<anchors>/<sub>`; throws a message that says where it looked and how to fix it.
 * @example anchorsPath('apim-rest-spec/2024-05-01')
 */
export function anchorsPath(sub = ''): string {
  const root = process.env.CK_ANCHORS_DIR ? path.resolve(process.env.CK_ANCHORS_DIR) : DEFAULT_ANCHORS_DIR;
  const dir = path.join(root, sub);
  if (!existsSync(dir)) {
    throw new Error(
      `Microsoft's contract anchors are missing: expected ${dir}. The tests read them from ../shared/anchors beside the ` +
        'repository (as CI lays it out); put a copy of shared/ next to the repo or set CK_ANCHORS_DIR to its anchors folder.',
    );
  }
  return dir;
}
