/** Human rendering of a provision (or up) plan/result: deploy's plan format, then the names deploy will use. */
import { renderDeploy } from '../deploy';
import type { ProvisionResult } from './types';

export function renderProvision(r: ProvisionResult, verb = 'Provisioned'): string {
  const plan = renderDeploy({ env: r.env, planOnly: r.planOnly, changes: r.changes, summary: r.summary, retries: r.retries }).replace(/^Deployed environment/, `${verb} environment`);
  const n = r.names;
  return `${plan}\nNames: resource group ${n.resourceGroup}, Function App ${n.functionApp}, API Management ${n.apimService}, storage ${n.storageAccount}.`;
}
