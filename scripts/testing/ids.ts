/** The subscription, tenant and client the doubles serve (and tests write into env files): one place, no dependencies. */
export const SUB = '9c1d2e3f-4a5b-4c6d-8e7f-000000000001';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** The deploying (and publishing) identity's client id: the token double's one client, a Dataverse application user. */
export const CLIENT_ID = '5d6e7f80-0000-4000-8000-00000000c11e';
