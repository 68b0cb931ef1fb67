/**
 * The API Management definitions under infra/apim/ (api.json, backend.json, named-value.json, product.json):
 * ARM resources as data (name + properties) with `${name}` placeholders. Loaded and schema-checked once per
 * deploy; resource names are filled from the environment up front, properties when a step plans.
 */
import { type DeployContext, UNKNOWN, fill, loadManifest, type ManifestSpec, type DeployEnvironment } from '../deploy/providers/kit';

const SCHEMA = 'infra/apim/schema.json';
/** Placeholders every APIM definition may use (environment values). */
const ENV_KEYS = ['environment', 'subscriptionId', 'resourceGroup', 'tenantId', 'functionApp', 'apimService', 'apiId', 'apiPath', 'apiDisplayName', 'product', 'resourceManager'] as const;

const spec = (name: string, definition: string, more: string[] = []): ManifestSpec => ({ file: `infra/apim/${name}.json`, schema: SCHEMA, definition, placeholders: [...ENV_KEYS, ...more] });
export const API_DEFINITION = spec('api', 'api');
export const BACKEND_DEFINITION = spec('backend', 'backend', ['defaultHostName', 'siteId', 'namedValue']);
export const NAMED_VALUE_DEFINITION = spec('named-value', 'namedValue');
export const PRODUCT_DEFINITION = spec('product', 'product');

/** One ARM resource definition: its name (filled) and its properties template (filled per plan). */
export interface ResourceDefinition {
  name: string;
  properties: Record<string, unknown>;
  file: string;
}

export interface ApimDefinitions {
  api: ResourceDefinition;
  backend: ResourceDefinition;
  namedValue: ResourceDefinition;
  /** Products the API joins (filled; empty entries dropped). */
  products: string[];
}

/** Placeholder values known from the environment alone. */
export function envValues(env: DeployEnvironment): Record<string, string> {
  return {
    environment: env.name,
    subscriptionId: env.subscriptionId,
    resourceGroup: env.resourceGroup,
    tenantId: env.tenantId,
    functionApp: env.functionApp,
    apimService: env.apimService,
    apiId: env.api.id,
    apiPath: env.api.path,
    apiDisplayName: env.api.displayName,
    product: env.product ?? '',
    resourceManager: env.cloud.resourceManager,
  };
}

function resource(root: string, s: ManifestSpec, values: Record<string, string>): ResourceDefinition {
  const doc = loadManifest(root, s) as { name: string; properties: Record<string, unknown> };
  return { name: fill(doc.name, values, s.file, [], 'name'), properties: doc.properties, file: s.file };
}

/** Loads and checks the four definitions of a project (falling back to connectorkit's own copies). */
export function loadApimDefinitions(root: string, env: DeployEnvironment): ApimDefinitions {
  const values = envValues(env);
  const products = fill((loadManifest(root, PRODUCT_DEFINITION) as { products: string[] }).products, values, PRODUCT_DEFINITION.file, [], 'products');
  return {
    api: resource(root, API_DEFINITION, values),
    backend: resource(root, BACKEND_DEFINITION, values),
    namedValue: resource(root, NAMED_VALUE_DEFINITION, values),
    products: products.filter((p) => p !== ''),
  };
}

/** A definition's properties filled with the environment, the step's computed values and the known names. */
export function properties(ctx: DeployContext, defs: ApimDefinitions, which: 'api' | 'backend' | 'namedValue'): Record<string, unknown> {
  const def = defs[which];
  const values = {
    ...envValues(ctx.env),
    namedValue: defs.namedValue.name,
    defaultHostName: ctx.out.defaultHostName ?? UNKNOWN,
    siteId: ctx.out.siteId ?? UNKNOWN,
  };
  return fill(def.properties, values, def.file, [], 'properties');
}
