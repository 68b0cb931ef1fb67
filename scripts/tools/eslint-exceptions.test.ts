/**
 * Rule exceptions are few and each says why (issue 11 item 4): every `eslint-disable` directive in the framework,
 * the sample and the bench carries its reason after ` -- `, ESLint's own description syntax, so the reason stays on
 * the directive when code moves. (Test data and Microsoft's contract copies are not linted: eslint.config.mjs.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage', '.generated', 'testdata', 'contracts']);
const DIRECTIVE = /(\/\/|\/\*)\s*eslint-disable(-next-line|-line)?\b(.*)$/;

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) yield* sources(path.join(dir, e.name));
    } else if (/\.(ts|js|cjs|mjs)$/.test(e.name)) yield path.join(dir, e.name);
  }
}

/** The directives of `text` without a reason, as `line: text`. */
export function unexplained(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (m && !/\s--\s+\S/.test(m[3]!)) out.push(`${i + 1}: ${line.trim()}`);
  });
  return out;
}

it('every eslint-disable directive says why (` -- reason`)', () => {
  const hits: string[] = [];
  for (const dir of ['scripts', 'functions', 'bench']) {
    for (const f of sources(path.join(ROOT, dir))) {
      if (f === __filename) continue;
      for (const h of unexplained(readFileSync(f, 'utf8'))) hits.push(`${path.relative(ROOT, f)}:${h}`);
    }
  }
  expect(hits).toEqual([]);
});

it('the check sees a directive without a reason and accepts one with', () => {
  expect(unexplained('// eslint-disable-next-line @typescript-eslint/no-require-imports\nconst x = 1;')).toHaveLength(1);
  expect(unexplained('/* eslint-disable @typescript-eslint/no-require-imports */')).toHaveLength(1);
  expect(unexplained('// eslint-disable-next-line no-control-regex -- the raw control characters are what must not appear')).toEqual([]);
});
