/**
 * A command is a thin shell: declare flags, then `run` loads config, calls a stage with an IoHost and returns the
 * result data (rendered by the host) — it never prints or exits itself.
 */
import { Command, Option } from 'commander';
import type { IoHost } from '../core/io';

export interface CommandContext {
  io: IoHost;
  /** Whether --json was given. */
  json: boolean;
  verbose: boolean;
  cwd: string;
  /** Resolves when SIGINT/SIGTERM was received (long-running commands await it to shut down cleanly). */
  signal: AbortSignal;
}

export interface CommandSpec<O = Record<string, unknown>> {
  name: string;
  /** e.g. '[dir]' */
  args?: string;
  summary: string;
  description?: string;
  /** Extra help shown after the options (examples). */
  examples?: string[];
  options?: Option[];
  /** Whether --json is offered (default true). */
  json?: boolean;
  /**
   * The command watches `ctx.signal` and shuts down cleanly on SIGINT/SIGTERM (serve, start). Any other command is
   * stopped at once with CK_INTERRUPTED: its writes are atomic, so a re-run finishes the job.
   */
  handlesSignals?: boolean;
  /** A command group (e.g. `ci`): its subcommands are the runnable commands; the group's own `run` is never called. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subcommand has its own flags type
  subcommands?: CommandSpec<any>[];
  /** Returns the result data and optional human text; a long-running command resolves when it stops. */
  run(args: string[], opts: O, ctx: CommandContext): Promise<{ data: unknown; text?: string } | void>;
}

export function defineCommand<O = Record<string, unknown>>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

export { Command, Option };
