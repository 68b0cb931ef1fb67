/**
 * Reads the repository's GitHub Actions workflows (.github/workflows/*.yml) for the tests that check them: the
 * documents themselves, and every shell command their `run:` steps execute, split into words with the step's
 * environment resolved, so a test can check each command against the CLI's command table and package.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const WORKFLOWS_DIR = path.join(REPO_ROOT, '.github', 'workflows');

/** A workflow step as the tests read it (the schema test checks the whole document). */
export interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface WorkflowJob {
  'runs-on'?: unknown;
  environment?: unknown;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: WorkflowStep[];
}

export interface Workflow {
  /** File name, e.g. deploy.yml. */
  file: string;
  doc: { on: Record<string, unknown>; permissions?: Record<string, string>; env?: Record<string, string>; jobs: Record<string, WorkflowJob> };
}

/** One command of a `run:` step: its words after quote removal and variable expansion. */
export interface RunCommand {
  workflow: string;
  job: string;
  step: string;
  /** The command as written (for messages). */
  text: string;
  words: string[];
  /** The environment the step sees (workflow < job < step), expressions replaced by EXPRESSION_VALUE. */
  env: Record<string, string>;
}

/** What a `${{ … }}` expression stands for in a resolved command: a valid environment name, so commands parse. */
export const EXPRESSION_VALUE = 'dev';

/** Parses every workflow file. */
export function loadWorkflows(dir = WORKFLOWS_DIR): Workflow[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => ({ file, doc: parse(readFileSync(path.join(dir, file), 'utf8')) as Workflow['doc'] }));
}

const expr = (v: string) => v.replace(/\$\{\{[^}]*\}\}/g, EXPRESSION_VALUE);

/** Every command the workflows' `run:` steps execute, in order. */
export function runCommands(workflows: Workflow[]): RunCommand[] {
  const out: RunCommand[] = [];
  for (const wf of workflows) {
    for (const [jobName, job] of Object.entries(wf.doc.jobs)) {
      job.steps.forEach((step, i) => {
        if (step.run === undefined) return;
        const env: Record<string, string> = {};
        for (const layer of [wf.doc.env, job.env, step.env]) for (const [k, v] of Object.entries(layer ?? {})) env[k] = expr(String(v));
        for (const text of shellCommands(step.run)) {
          out.push({ workflow: wf.file, job: jobName, step: step.name ?? `step ${i + 1}`, text, words: shellWords(expr(text), env), env });
        }
      });
    }
  }
  return out;
}

/** Splits a script into simple commands: lines (with `\` continuations joined), then `&&`, `||`, `;` and `|`. */
export function shellCommands(script: string): string[] {
  return script
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .flatMap((l) => l.split(/\s*(?:&&|\|\||;|\|)\s*/))
    .filter(Boolean);
}

/**
 * Splits one command into words as a POSIX shell would for the forms workflows use: single and double quotes,
 * `$NAME` / `${NAME}` expanded from `env` (an unknown name throws: a typo must not pass as an empty word), and
 * leading `NAME=value` assignments and output redirections dropped.
 */
export function shellWords(command: string, env: Record<string, string>): string[] {
  const words: string[] = [];
  let cur: string | undefined;
  const expand = (s: string) =>
    s.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => {
      const name = (a ?? b)!;
      if (!(name in env)) throw new Error(`$${name} is not set by the workflow, job or step env in: ${command}`);
      return env[name]!;
    });
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\s+)|([^\s'"]+)/g;
  for (const m of command.matchAll(re)) {
    if (m[3] !== undefined) {
      if (cur !== undefined) words.push(cur);
      cur = undefined;
      continue;
    }
    const part = m[1] ?? (m[2] !== undefined ? expand(m[2].replace(/\\(.)/g, '$1')) : expand(m[4]!));
    cur = (cur ?? '') + part;
  }
  if (cur !== undefined) words.push(cur);
  while (words.length && /^[A-Za-z_]\w*=/.test(words[0]!)) words.shift();
  const redirect = words.findIndex((w) => /^\d?>>?/.test(w));
  return redirect >= 0 ? words.slice(0, redirect) : words;
}
