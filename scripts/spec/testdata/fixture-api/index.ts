/**
 * Entry of the fixture API (used by the spec and routes golden tests). A real app's entry imports the
 * generated registrations; this fixture only needs to name its controllers.
 */
export * from './controllers/employees-controller';
export * from './controllers/documents-controller';
export * from './controllers/webhooks-controller';
