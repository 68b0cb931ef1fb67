/**
 * Offline validator for Power Platform custom connector folders (apiDefinition.swagger.json, apiProperties.json,
 * settings.json, icon.png, readme.md): Microsoft's schemas with documented relaxations, Microsoft's Swagger
 * Validator rules that can be checked offline, and an opt-in certification lint.
 */
export { validateConnectorDir, validateConnectorFiles, checkLevel } from './validate';
export { formatReport, formatSummary } from './format';
export { findConnectorDirs, validateConnectorDirs, topRules, type BatchReport, type FolderReport } from './batch';
export { RULES } from './rules';
export { CATEGORIES as CONNECTOR_CATEGORIES } from './rules/invalid-connector-category';
export { readPng } from './png-read';
export { RELAXATIONS, type Relaxation } from './relaxations';
export type { Finding, Severity, ValidationLevel, ValidationReport, ValidateOptions, Rule } from './types';
export { VALIDATE_CODES } from './codes';
