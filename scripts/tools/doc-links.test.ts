/**
 * The README is the front door and docs/ holds the reference: a link from either to a missing file or to a heading
 * that does not exist fails here (anchors as GitHub renders them: lower case, punctuation dropped, spaces → '-').
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DOCS = [
  path.join(ROOT, 'README.md'),
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(ROOT, 'docs', f)),
];

/** GitHub's heading anchor; repeated headings get -1, -2 … */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const m = !fence && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]!
      .toLowerCase()
      .replace(/<[^>]+>/g, '')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

/** `[text](target)` links outside code fences and inline code. */
export function linksOf(markdown: string): string[] {
  const out: string[] = [];
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const text = line.replace(/`[^`]*`/g, '');
    for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) out.push(m[1]!);
  }
  return out;
}

function broken(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const problems: string[] = [];
  for (const link of linksOf(text)) {
    if (/^(https?|mailto):/.test(link)) continue;
    const [target, anchor] = link.split('#') as [string, string | undefined];
    const abs = target ? path.resolve(path.dirname(file), decodeURIComponent(target)) : file;
    if (!existsSync(abs)) {
      problems.push(`${path.relative(ROOT, file)}: ${link} (no such file)`);
      continue;
    }
    if (anchor && statSync(abs).isFile() && abs.endsWith('.md') && !anchorsOf(readFileSync(abs, 'utf8')).has(anchor)) {
      problems.push(`${path.relative(ROOT, file)}: ${link} (no heading #${anchor} in ${path.relative(ROOT, abs)})`);
    }
  }
  return problems;
}

it('every link of README.md and docs/*.md points at an existing file and heading', () => {
  expect(DOCS.length).toBeGreaterThan(5);
  expect(DOCS.flatMap(broken)).toEqual([]);
});

it('the checker sees a broken file link and a broken anchor', () => {
  expect(linksOf('see [a](docs/nope.md) and [b](#x) but not `[c](d)`')).toEqual(['docs/nope.md', '#x']);
  expect(anchorsOf('# Deploy to Azure\n## `connectorkit build`\n## Step 1: go!\n## Step 1: go!')).toEqual(new Set(['deploy-to-azure', 'connectorkit-build', 'step-1-go', 'step-1-go-1']));
});
