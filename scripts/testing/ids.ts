/** Constants the doubles and the tests share (ids written into env files, fast retries): one place, no dependencies. */

/** The subscription and tenant the doubles serve. */
export const SUB = '9c1d2e3f-4a5b-4c6d-8e7f-000000000001';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** The deploying (and publishing) identity's client id: the token double's one client, a Dataverse application user. */
export const CLIENT_ID = '5d6e7f80-0000-4000-8000-00000000c11e';
/** Retries for tests against the doubles: as many attempts as a real run, millisecond delays. */
export const FAST_RETRY = { attempts: 8, baseDelayMs: 1, maxDelayMs: 5, pollIntervalMs: 0, lroTimeoutMs: 30_000 };
