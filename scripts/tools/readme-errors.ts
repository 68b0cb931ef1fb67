/**
 * The error-code table of docs/error-codes.md, rendered from the code registry (section `error-codes`).
 */
import { allCodes } from './all-codes';
import { markdownTable, replaceSection } from './readme-section';

export function renderErrorTable(): string {
  return markdownTable(
    ['code', 'stage', 'exit', 'what went wrong', 'what to do next'],
    allCodes().map((c) => [`\`${c.code}\``, c.area, c.source === 'user' ? '1' : '2', c.title, c.hint]),
  );
}

export function withErrorTable(readme: string): string {
  return replaceSection(readme, 'error-codes', renderErrorTable());
}
