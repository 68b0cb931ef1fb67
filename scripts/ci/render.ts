/** Human rendering of `ci setup`: the plan (as deploy renders it) and the variables to store in GitHub. */
import { renderDeploy } from '../deploy';
import type { CiSetupResult } from './types';

export function renderCiSetup(r: CiSetupResult): string {
  const plan = renderDeploy({ env: r.env, planOnly: r.planOnly, changes: r.changes, summary: r.summary, retries: r.retries }).replace(/^Deployed environment/, 'Set up CI for environment');
  const vars = Object.entries(r.variables);
  const envFlag = ` --env ${JSON.stringify(r.githubEnvironment)}`;
  return [
    plan,
    '',
    `GitHub: ${r.repo}, environment "${r.githubEnvironment}" (federated subject ${r.subject}); roles on ${r.scope}.`,
    r.planOnly ? 'After --yes, store these as GitHub Actions variables (not secrets: none of them is secret):' : 'Store these as GitHub Actions variables (not secrets: none of them is secret):',
    ...vars.map(([k, v]) => `  ${k}=${v}`),
    'With the GitHub CLI:',
    ...vars.map(([k, v]) => `  gh variable set ${k} --repo ${r.repo}${envFlag} --body ${v.includes(' ') ? JSON.stringify(v) : v}`),
    `Then create the GitHub environment "${r.githubEnvironment}" if it does not exist (the deploy workflow runs in it).`,
  ].join('\n');
}
