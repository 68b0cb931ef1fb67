/** Human rendering of a provision (or up) plan/result: deploy's plan format, then the names deploy will use. */
import { renderDeploy, type DeployResult } from '../deploy';
import type { ProvisionResult } from './types';

/** `command` 'Up' renders an up result (with the deploy's gateway and connector lines); default: a provision. */
export function renderProvision(r: ProvisionResult & Partial<Pick<DeployResult, 'outputs' | 'connector'>>, command: 'Provision' | 'Up' = 'Provision'): string {
  const verb = command === 'Up' ? 'Provisioned and deployed' : 'Provisioned';
  const plan = renderDeploy({ ...r, changes: r.changes, summary: r.summary }).replace(/^Deployed environment/, `${verb} environment`);
  const n = r.names;
  return `${plan}\nNames: resource group ${n.resourceGroup}, Function App ${n.functionApp}, API Management ${n.apimService}, storage ${n.storageAccount}.`;
}
