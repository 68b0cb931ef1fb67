/**
 * Aggregates every stage's error codes so the registry is complete. Each stage owns its own `codes.ts`;
 * add one import line here when a new stage appears.
 */
import './core-codes';
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
