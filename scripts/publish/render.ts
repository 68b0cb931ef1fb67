/** Human rendering of a publish plan/result (the deploy's plan symbols). */
import { renderDeploy } from '../deploy';
import type { PublishResult } from './types';

export function renderPublish(r: PublishResult): string {
  const head = r.planOnly ? `Publish plan for "${r.env}" → ${r.environmentUrl}, solution ${r.solution}` : `Published "${r.env}" → ${r.environmentUrl}, solution ${r.solution}`;
  const body = renderDeploy({ env: r.env, planOnly: r.planOnly, changes: r.changes, summary: r.summary, retries: r.retries }).split('\n').slice(1);
  const tail: string[] = [];
  if (!r.planOnly) tail.push(`Connector: ${r.connector.name} (id ${r.connector.connectorid}${r.connector.internalId ? `, internal id ${r.connector.internalId}` : ''})`);
  if (!r.planOnly && r.connector.redirectUri) tail.push(`Sign-in redirect URI: ${r.connector.redirectUri}`);
  if (r.breaking.length) tail.push(`Breaking against the live definition: ${r.breaking.join(', ')}${r.planOnly ? ' (apply needs --allow-breaking)' : ''}`);
  return [head, ...body, ...tail].join('\n');
}
