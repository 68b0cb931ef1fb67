/**
 * Builds the commander program from the command modules and runs it. Returns the exit code; the bin exits.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { TerminalIoHost, JsonIoHost, type IoHost } from '../core/io';
import { CkError, isCkError, toCkError } from '../core/errors';
import type { CommandSpec, CommandContext } from './command';

/**
 * The command table, in help order: name → module loader. Static requires (no computed paths), so a bundler or a
 * reader sees every command; modules import their stage inside run(), so help and --version load no stage.
 */
const COMMANDS: ReadonlyArray<readonly [name: string, load: () => { command?: CommandSpec<any> }]> = [
  ['init', () => require('./init')],
  ['build', () => require('./build')],
  ['serve', () => require('./serve')],
  ['start', () => require('./start')],
  ['token', () => require('./token')],
  ['trigger', () => require('./trigger')],
  ['export', () => require('./export')],
  ['validate', () => require('./validate')],
  ['provision', () => require('./provision')],
  ['deploy', () => require('./deploy')],
  ['up', () => require('./up')],
  ['publish', () => require('./publish')],
  ['down', () => require('./down')],
  ['test', () => require('./test')],
  ['ci', () => require('./ci')],
];

/** Every command of the table; a module without a `command` export is a bug and fails loudly here. */
export function loadCommands(table = COMMANDS): CommandSpec<any>[] {
  return table.map(([name, load]) => {
    const spec = load().command;
    if (!spec || spec.name !== name) throw new Error(`scripts/cli/${name}.ts must export \`command\` (a CommandSpec named '${name}'), found ${spec ? `'${spec.name}'` : 'none'}`);
    return spec;
  });
}

export function buildProgram(onRun: (spec: CommandSpec<any>, args: string[], opts: Record<string, unknown>) => Promise<void>): Command {
  const program = new Command('connectorkit')
    .description('From tsoa controllers on Azure Functions to a ready Power Platform custom connector.')
    // Not .version(): that needs the string up front, and a broken package.json must not break every command.
    .addOption(new Option('-V, --version', 'output the version number'))
    // Parse errors are not printed by commander: main() renders them as CK_USAGE through the IoHost (--json contract).
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s), outputError: () => undefined })
    .configureHelp({ helpWidth: 100 })
    .exitOverride();
  program.on('option:version', () => {
    const version = readVersion();
    process.stdout.write(`${version}\n`);
    throw new CommanderError(0, 'commander.version', version);
  });
  for (const spec of loadCommands()) addCommand(program, spec, onRun);
  return program;
}

/** Registers one command (or a group and its subcommands) under `parent`. */
function addCommand(parent: Command, spec: CommandSpec<any>, onRun: (spec: CommandSpec<any>, args: string[], opts: Record<string, unknown>) => Promise<void>): void {
  const cmd = parent
    .command(spec.args ? `${spec.name} ${spec.args}` : spec.name)
    .summary(spec.summary)
    .description(spec.description ?? spec.summary);
  cmd.configureHelp({ helpWidth: 100 });
  cmd.exitOverride();
  if (spec.subcommands) {
    for (const sub of spec.subcommands) addCommand(cmd, sub, onRun);
    return;
  }
  for (const o of spec.options ?? []) cmd.addOption(o);
  if (spec.json !== false) cmd.addOption(new Option('--json', 'print one machine-readable JSON result on stdout (progress as NDJSON on stderr)'));
  cmd.addOption(new Option('--verbose', 'show debug output'));
  if (spec.examples?.length) cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  cmd.action(async (...a: unknown[]) => {
    const c = a[a.length - 1] as Command;
    await onRun(spec, c.args, c.opts());
  });
}

export async function main(argv: string[], hostFactory?: (json: boolean, verbose: boolean) => IoHost): Promise<number> {
  let exitCode = 0;
  const controller = new AbortController();
  let running: { spec: CommandSpec<any>; io: IoHost } | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    controller.abort();
    if (running?.spec.handlesSignals) return;
    // A command that does not watch the signal stops now, as Ctrl+C promises; its writes are atomic (temp + rename,
    // staged folder swaps), so nothing is half-written and a re-run converges. Re-raising with our handlers removed
    // lets Node end the process the default way (exit status 128 + signal number).
    running?.io.failure(new CkError({ code: 'CK_INTERRUPTED', message: `Stopped by ${signal} while running \`${running.spec.name}\`.` }));
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const makeHost = (json: boolean, verbose: boolean): IoHost => (hostFactory ? hostFactory(json, verbose) : json ? new JsonIoHost() : new TerminalIoHost(undefined, undefined, { verbose }));
  const program = buildProgram(async (spec, args, opts) => {
    const json = opts.json === true;
    const verbose = opts.verbose === true;
    const io = makeHost(json, verbose);
    const ctx: CommandContext = { io, json, verbose, cwd: process.cwd(), signal: controller.signal };
    running = { spec, io };
    try {
      const r = await spec.run(args, opts, ctx);
      if (r) io.result(r.data, r.text);
    } catch (e) {
      const err = toCkError(e);
      io.failure(err);
      exitCode = err.source === 'user' ? 1 : 2;
    }
  });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return 0;
    const { json, verbose } = flagsFromArgv(argv);
    if (typeof code === 'string' && code.startsWith('commander.')) {
      makeHost(json, verbose).failure(usageError((e as Error).message, code, argv));
      return 1;
    }
    // A coded error while parsing (e.g. --version with an unreadable package.json).
    if (isCkError(e)) {
      makeHost(json, verbose).failure(e);
      return e.source === 'user' ? 1 : 2;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return exitCode;
}

/** connectorkit's version, read when --version asks for it; an unreadable package.json is CK_CONFIG_FILE_UNREADABLE. */
export function readVersion(file = path.join(__dirname, '..', 'package.json')): string {
  try {
    const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
    if (typeof version === 'string') return version;
    throw new Error('it has no "version" string');
  } catch (e) {
    throw new CkError({ code: 'CK_CONFIG_FILE_UNREADABLE', message: `Cannot read the connectorkit version from ${file}: ${(e as Error).message}`, target: file, cause: e });
  }
}

/** Parsing failed, so the options object does not exist: --json and --verbose are read from argv (up to `--`). */
function flagsFromArgv(argv: string[]): { json: boolean; verbose: boolean } {
  const end = argv.indexOf('--');
  const args = argv.slice(2, end === -1 ? undefined : end);
  return { json: args.includes('--json'), verbose: args.includes('--verbose') };
}

/** Commander's parse error as CK_USAGE: its sentence without the "error: " prefix, and a hint naming the right --help. */
function usageError(commanderMessage: string, commanderCode: string, argv: string[]): CkError {
  const text = commanderMessage
    .replace(/^error:\s*/i, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  const message = `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.?!)]$/.test(text) ? '' : '.'}`;
  const names = COMMANDS.map(([name]) => name);
  const command = argv.slice(2).find((a) => names.includes(a));
  const hint =
    command && commanderCode !== 'commander.unknownCommand'
      ? `Run \`connectorkit ${command} --help\` to see its options and examples.`
      : `Run \`connectorkit --help\` to see the commands (${names.join(', ')}).`;
  return new CkError({ code: 'CK_USAGE', message, hint, data: { commanderCode } });
}
