/**
 * APIM stage: the desired API Management resources as data (infra/apim/ definitions), the API policy and the
 * operation names APIM gives a spec. The deploy's APIM provider (deploy/providers/apim.ts) plans and applies them.
 */
export {
  loadApimDefinitions,
  properties,
  envValues,
  API_DEFINITION,
  BACKEND_DEFINITION,
  NAMED_VALUE_DEFINITION,
  PRODUCT_DEFINITION,
  type ApimDefinitions,
  type ResourceDefinition,
} from './definitions';
export { renderApiPolicy, POLICY_TEMPLATE, type PolicyValues } from './policy';
export { specOperations, operationResourceName } from './operations';
