/**
 * Builds the commander program from the command modules and runs it. Returns the exit code; the bin exits.
 */
import { Command, Option } from 'commander';
import { TerminalIoHost, JsonIoHost, type IoHost } from '../core/io';
import { CkError, toCkError } from '../core/errors';
import type { CommandSpec, CommandContext } from './command';

/** Command modules, in help order. Each exports `command: CommandSpec`. */
const COMMANDS = ['build', 'serve', 'start', 'token', 'export', 'validate', 'deploy'];

export function loadCommands(): CommandSpec<any>[] {
  const out: CommandSpec<any>[] = [];
  for (const name of COMMANDS) {
    // Cheap: command modules import their stage inside run(), so help and --version load no stage.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(`./${name}`) as { command?: CommandSpec<any> };
    if (mod.command) out.push(mod.command);
  }
  return out;
}

export function buildProgram(onRun: (spec: CommandSpec<any>, args: string[], opts: Record<string, unknown>) => Promise<void>): Command {
  const program = new Command('connectorkit')
    .description('From tsoa controllers on Azure Functions to a ready Power Platform custom connector.')
    .version(require('../../package.json').version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .configureHelp({ helpWidth: 100 })
    .exitOverride();
  for (const spec of loadCommands()) {
    const cmd = program.command(spec.args ? `${spec.name} ${spec.args}` : spec.name).summary(spec.summary).description(spec.description ?? spec.summary);
    for (const o of spec.options ?? []) cmd.addOption(o);
    if (spec.json !== false) cmd.addOption(new Option('--json', 'print one machine-readable JSON result on stdout (progress as NDJSON on stderr)'));
    cmd.addOption(new Option('--verbose', 'show debug output'));
    if (spec.examples?.length) cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
    cmd.configureHelp({ helpWidth: 100 });
    cmd.exitOverride();
    cmd.action(async (...a: unknown[]) => {
      const c = a[a.length - 1] as Command;
      await onRun(spec, c.args, c.opts());
    });
  }
  return program;
}

export async function main(argv: string[], hostFactory?: (json: boolean, verbose: boolean) => IoHost): Promise<number> {
  let exitCode = 0;
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const program = buildProgram(async (spec, args, opts) => {
    const json = opts.json === true;
    const verbose = opts.verbose === true;
    const io = hostFactory ? hostFactory(json, verbose) : json ? new JsonIoHost() : new TerminalIoHost(undefined, undefined, { verbose });
    const ctx: CommandContext = { io, json, verbose, cwd: process.cwd(), signal: controller.signal };
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
    if (typeof code === 'string' && code.startsWith('commander.')) {
      process.stderr.write(`${new CkError({ code: 'CK_USAGE', message: (e as Error).message }).hint}\n`);
      return 1;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return exitCode;
}
