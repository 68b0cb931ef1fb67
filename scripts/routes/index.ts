export { emitRoutes, countOperations } from './emit-routes';
export type { EmitRoutesOptions } from './types';
