/**
 * Every command the shipped workflows run exists: `connectorkit …` lines are parsed by the real CLI program (its
 * static command table, options, choices and mandatory flags), npm scripts are looked up in package.json (and a
 * script that runs connectorkit is parsed the same way), and anything else must be on a short allow-list. Also the
 * wiring the deploy job depends on: the variables `--auth github-oidc` reads, no stored secret, the artifact.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildProgram } from '../cli/main';
import { githubOidcCredential, type OidcVars } from '../deploy';
import { sampleEnvironment } from '../testing/sample-project';
import { catchCkError } from '../testing/catch-ck-error';
import { loadWorkflows, REPO_ROOT, runCommands, shellWords, type RunCommand } from '../testing/github-workflow';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const workflows = loadWorkflows();
const commands = runCommands(workflows);
/** Programs a workflow may run besides npm and connectorkit (ci.yml installs Debian's chromium as .ci/run does). */
const OTHER_PROGRAMS = new Set(['apt-get']);
const NPM_BUILTINS = new Set(['ci']);

/** Parses `connectorkit <args>` with the real program; resolves to the command path and its options. */
async function parseCli(args: string[]): Promise<{ command: string; opts: Record<string, unknown> }> {
  let ran: { command: string; opts: Record<string, unknown> } | undefined;
  const program = buildProgram(async (spec, _args, opts) => {
    ran = { command: spec.name, opts };
  });
  await program.parseAsync(args, { from: 'user' });
  if (!ran) throw new Error(`connectorkit ${args.join(' ')} ran no command`);
  return ran;
}

/** What one workflow command runs, checked; returns the connectorkit command it reaches, if any. */
async function check(c: RunCommand): Promise<{ command: string; opts: Record<string, unknown> } | undefined> {
  const [program, sub, ...rest] = c.words;
  if (program === 'npm' && sub === 'exec') {
    const dash = rest.indexOf('--');
    // `--no` (never install): without it npm exec, like npx, may download a package of that name.
    expect(rest.slice(0, dash)).toContain('--no');
    expect(rest[dash + 1]).toBe('connectorkit');
    return parseCli(rest.slice(dash + 2));
  }
  if (program === 'npm' && (sub === 'run' || sub === 'test' || sub === 'start')) {
    const script = sub === 'run' ? rest[0]! : sub;
    const body = pkg.scripts[script];
    if (body === undefined) throw new Error(`${c.workflow}: \`${c.text}\` runs npm script "${script}", which package.json does not define`);
    const extra = rest.slice(rest.indexOf('--') >= 0 ? rest.indexOf('--') + 1 : rest.length);
    const words = shellWords(body, {});
    return words[0] === 'connectorkit' ? parseCli([...words.slice(1), ...extra]) : undefined;
  }
  if (program === 'npm') {
    if (!NPM_BUILTINS.has(sub!)) throw new Error(`${c.workflow}: \`${c.text}\`: npm ${sub} is not expected in a workflow`);
    return undefined;
  }
  if (!OTHER_PROGRAMS.has(program!)) throw new Error(`${c.workflow}: \`${c.text}\` runs ${program}, which this test does not know (add it to OTHER_PROGRAMS if it is meant)`);
  return undefined;
}

it('the workflows run commands at all (the parser found them)', () => {
  expect(commands.map((c) => `${c.workflow}: ${c.words.slice(0, 2).join(' ')}`)).toEqual(expect.arrayContaining(['ci.yml: npm ci', 'ci.yml: npm test', 'deploy.yml: npm ci', 'deploy.yml: npm exec']));
});

it.each(commands.map((c) => [`${c.workflow}: ${c.text}`, c] as [string, RunCommand]))('%s exists', async (_name, c) => {
  await check(c);
});

it('ci.yml runs exactly the README test command, after npm ci as .ci/run does', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const readmeTest = /^(npm test)\b/m.exec(readme.split('## Two commands')[1]!.split('\n## ')[0]!)?.[1];
  const ciRun = readFileSync(path.join(REPO_ROOT, '.ci/run'), 'utf8').trim().split('\n');
  const ci = commands.filter((c) => c.workflow === 'ci.yml' && c.words[0] === 'npm').map((c) => c.text);
  expect(readmeTest).toBe('npm test');
  expect(ci).toEqual(ciRun.filter((l) => l.startsWith('npm ')));
  expect(ci[ci.length - 1]).toBe(readmeTest);
});

describe('deploy.yml', () => {
  const deploy = workflows.find((w) => w.file === 'deploy.yml')!;
  const job = Object.values(deploy.doc.jobs)[0]!;
  const up = commands.find((c) => c.workflow === 'deploy.yml' && c.words.includes('connectorkit'))!;

  it('runs `connectorkit up --env <env> --yes --json --auth github-oidc`, which the CLI accepts', async () => {
    expect(await check(up)).toEqual({ command: 'up', opts: expect.objectContaining({ env: 'dev', yes: true, json: true, auth: 'github-oidc' }) });
  });

  it('the test catches a command or option the CLI does not have', async () => {
    await expect(check({ ...up, words: [...up.words.slice(0, 5), 'upp', ...up.words.slice(6)] })).rejects.toThrow();
    await expect(check({ ...up, words: [...up.words, '--no-such-flag'] })).rejects.toThrow();
    await expect(check({ ...up, words: up.words.filter((w) => w !== '--no') })).rejects.toThrow();
    await expect(check({ ...up, words: ['npm', 'run', 'no-such-script'] })).rejects.toThrow(/package.json does not define/);
    await expect(check({ ...up, words: ['npx', 'connectorkit', 'up'] })).rejects.toThrow(/does not know/);
  });

  it('gets an OIDC token (id-token: write), runs in a GitHub environment, and stores no secret', () => {
    expect(deploy.doc.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    expect(Object.keys(deploy.doc.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(job.environment).toEqual(expect.any(String));
    expect(readFileSync(path.join(REPO_ROOT, '.github/workflows/deploy.yml'), 'utf8')).not.toMatch(/\bsecrets\./);
  });

  it('sets exactly what --auth github-oidc reads, from repository/environment variables', () => {
    const step = job.steps.find((s) => s.run?.includes('connectorkit'))!;
    expect(step.env).toEqual({ AZURE_CLIENT_ID: '${{ vars.AZURE_CLIENT_ID }}' });
    const env = sampleEnvironment();
    // What GitHub adds to a job with `permissions: id-token: write`.
    const github: OidcVars = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/oidc', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token' };
    expect(() => githubOidcCredential(env, { ...github, ...up.env })).not.toThrow();
    expect(catchCkError(() => githubOidcCredential(env, { ...github })).code).toBe('CK_CI_CLIENT_ID_MISSING');
    expect(catchCkError(() => githubOidcCredential(env, { ...up.env })).code).toBe('CK_CI_OIDC_UNAVAILABLE');
  });

  it('uploads connector/ with actions pinned to a major version or a commit', () => {
    const uses = workflows.flatMap((w) => Object.values(w.doc.jobs).flatMap((j) => j.steps.map((s) => s.uses).filter((u): u is string => !!u)));
    for (const u of uses) expect(u).toMatch(/^[\w-]+\/[\w-]+@(v\d+|[0-9a-f]{40})$/);
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with).toEqual(expect.objectContaining({ path: 'connector/', 'if-no-files-found': 'error' }));
    expect(job.steps.indexOf(upload)).toBeGreaterThan(job.steps.findIndex((s) => s.run?.includes('connectorkit up')));
  });
});
