/**
 * Generated README sections: the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` is replaced by a table
 * rendered from code. `npm run docs` (scripts/tools/docs.ts) rewrites them; each generator's test fails on drift.
 */

/** `readme` with the section `name` replaced by `body`; throws when the markers are missing. */
export function replaceSection(readme: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`the document lacks the ${start} … ${end} markers`);
  return `${readme.slice(0, a + start.length)}\n${body}\n${readme.slice(b)}`;
}

/** A markdown table from a header and rows; cells are escaped (pipes, newlines). */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')).replace(/ /g, ''), ...rows.map((r) => line(r.map(cell)))].join('\n');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
