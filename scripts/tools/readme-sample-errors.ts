/**
 * The sample API's error table (functions/errors.ts API_ERRORS), rendered into docs/sample-api.md (section `sample-errors`).
 */
import { API_ERRORS, type ApiErrorInfo } from '../../functions/errors';
import { markdownTable, replaceSection } from './readme-section';

export function renderSampleErrorTable(errors: readonly ApiErrorInfo[] = Object.values(API_ERRORS)): string {
  return markdownTable(
    ['code', 'HTTP status', 'meaning', 'what to do'],
    errors.map((e) => [`\`${e.code}\``, String(e.status), e.meaning, e.action]),
  );
}

/** The README text with the table between the markers replaced by the current one. */
export function withSampleErrorTable(readme: string): string {
  return replaceSection(readme, 'sample-errors', renderSampleErrorTable());
}
