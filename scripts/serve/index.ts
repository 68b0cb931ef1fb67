/**
 * `connectorkit serve` / `start` as a stage: build, start the dev services and the local host, report, watch. It
 * sits above the host and the dev services (both of which it drives), so neither of them imports it back.
 */
export { serveProject, checkBuiltApp, type ServeProjectOptions, type ServeReport } from './serve-project';
