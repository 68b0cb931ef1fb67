/**
 * @connectorkit/runtime — the small runtime that generated Functions registrations and controllers import.
 * It is bundled into the Functions app, so it never imports scripts/core or anything Node-CLI-only.
 */
export * from './error-body';
export * from './param-extension';
