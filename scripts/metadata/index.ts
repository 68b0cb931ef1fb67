/** Metadata stage: controllers → tsoa's metadata plus what connectorkit reads from the source (locations, triggers, type errors). */
export { generateMetadata, generateMetadataPass, type GenerateMetadataOptions, type MetadataPass } from './generate';
export { projectCompilerOptions } from './compiler-options';
export type * from './types';
