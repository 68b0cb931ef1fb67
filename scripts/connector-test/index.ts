/**
 * `connectorkit test` as a stage: read the exported connector and its scenarios, resolve the target (the local host
 * or a deployed environment), run the scenarios and smoke calls, and report (JUnit XML for CI). The CLI and the bench
 * import this file; the other files of the folder are the stage's own.
 */
export { loadConnector } from './definition';
export { loadScenarios } from './scenarios';
export { runConnectorTests, type RunOptions } from './runner';
export { resolveTarget, type TargetInput } from './target';
export { toJUnit } from './junit';
export type { CaseResult, ConnectorModel, ConnectorOperation, Scenario, TestReport, TestTarget } from './types';
export { CONNECTOR_TEST_CODES } from './codes';
