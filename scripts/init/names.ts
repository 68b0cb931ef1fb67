/**
 * The names `connectorkit init` derives from the display name: the connector title, the npm package name and the
 * API id/path in APIM (one kebab-case slug), and the Entra app names of the dev environment.
 */
import { CkError } from '../core/errors';
import './codes';

export interface ProjectNames {
  /** Display name = api.title = connector title (≤ 30 characters, no "API"/"Connector"). */
  title: string;
  /** kebab-case: package name, APIM api id and path. */
  slug: string;
}

/** `Expense Reports` → { title: 'Expense Reports', slug: 'expense-reports' }; a folder name works as well. */
export function projectNames(displayName: string): ProjectNames {
  const title = displayName.trim().replace(/\s+/g, ' ');
  if (!/^[A-Za-z][A-Za-z0-9 ]{1,28}[A-Za-z0-9]$/.test(title)) {
    throw new CkError({ code: 'CK_INIT_NAME_INVALID', message: `"${displayName}" is not a usable API name (3–30 letters, digits and spaces, starting with a letter).`, target: '--name' });
  }
  if (/\b(api|connector)\b/i.test(title)) {
    throw new CkError({ code: 'CK_INIT_NAME_INVALID', message: `"${title}" contains "API" or "Connector", which Power Platform does not allow in a connector title.`, target: '--name' });
  }
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { title, slug };
}

/** `my-expense_reports` → `My Expense Reports`: the default display name from the folder name. */
export function titleFromFolder(folder: string): string {
  return folder
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
