/** Local storage for development and tests: Azurite's Table service. */
export * from './azurite';
