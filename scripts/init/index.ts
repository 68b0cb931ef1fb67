export { initProject, TYPES_NODE_VERSION, type InitOptions, type InitResult } from './init';
export { projectNames, titleFromFolder, type ProjectNames } from './names';
export { INIT_CODES } from './codes';
