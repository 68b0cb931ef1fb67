/** Export stage: spec + config (+ deploy outputs) → Power Platform custom connector folder. */
export { buildConnector, CONNECTOR_FILES } from './build-connector';
export { writeConnector, diffExisting } from './write-connector';
export { detectChanges } from './breaking/detect';
export { readDeployOutputs, deployOutputsFile } from './deploy-outputs';
export { runExport } from './run-export';
export { postmanCollectionText } from './postman';
export type * from './types';
