/**
 * Every stage's error codes in one list, for docs/error-codes.md and the tests that check codes across stages.
 * Each stage owns its `codes.ts` and the modules that raise a code import it (codes-registered.test.ts checks this),
 * so the CLI and the programmatic API never need this list; core imports no stage. Add one line here per new
 * codes file (the same test fails when one is missing).
 */
import { registeredCodes, type CodeDef } from '../core/code-registry';
import '../core/core-codes';
import '../init/codes';
import '../runtime/codes';
import '../runtime/trigger-codes';
import '../spec/trigger-codes';
import '../triggers/codes';
import '../spec/codes';
import '../routes/codes';
import '../bundle/codes';
import '../host/codes';
import '../auth-dev/codes';
import '../storage/codes';
import '../export/codes';
import '../validate/codes';
import '../deploy/codes';
import '../build/codes';
import '../publish/codes';
import '../connector-test/codes';
import '../ci/codes';
import '../provision/codes';

/** All codes, sorted, for the docs/error-codes.md table and tests. */
export function allCodes(): Array<CodeDef & { code: string; area: string }> {
  return registeredCodes();
}
