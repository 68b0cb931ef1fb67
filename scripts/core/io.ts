/**
 * Stages never print: they report through an IoHost. The terminal host renders azd-style step lines on stderr,
 * the JSON host writes NDJSON progress on stderr and ONE JSON result on stdout, the recording host keeps
 * everything for tests. Every host scrubs registered secrets.
 */
import { scrub } from './redact';
import { CkError, toCkError } from './errors';
import { toErrorBody } from '../runtime/error-body';

export type Level = 'error' | 'warn' | 'info' | 'debug';

export interface IoMessage {
  level: Level;
  message: string;
  code?: string;
  data?: unknown;
}

export interface IoHost {
  /** A log line (stderr). */
  log(msg: IoMessage): void;
  /** Runs `fn` as a named step: prints start, then done / failed with the duration. */
  step<T>(title: string, fn: () => Promise<T> | T): Promise<T>;
  /** Progress within a step (`done` of `total`); terminal hosts may throttle. */
  progress(title: string, done: number, total: number): void;
  /** The command's single result: `text` for humans, `data` for --json. */
  result(data: unknown, text?: string): void;
  /** A failure of the whole command. */
  failure(err: unknown): void;
}

type Writer = (s: string) => void;

/** azd-style human output. */
export class TerminalIoHost implements IoHost {
  private lastProgress = 0;
  constructor(
    private readonly out: Writer = (s) => process.stdout.write(s),
    private readonly err: Writer = (s) => process.stderr.write(s),
    private readonly opts: { verbose?: boolean; color?: boolean } = {},
  ) {}
  private c(code: string, s: string): string {
    const color = this.opts.color ?? (process.stderr.isTTY === true && !process.env.NO_COLOR);
    return color ? `\x1b[${code}m${s}\x1b[0m` : s;
  }
  log(m: IoMessage): void {
    if (m.level === 'debug' && !this.opts.verbose) return;
    const tag = m.level === 'error' ? this.c('31', '(x) Error:') : m.level === 'warn' ? this.c('33', '(!) Warning:') : m.level === 'debug' ? this.c('90', '(.) ') : '   ';
    this.err(scrub(`${tag} ${m.message}${m.code ? ` [${m.code}]` : ''}\n`));
  }
  async step<T>(title: string, fn: () => Promise<T> | T): Promise<T> {
    const t0 = Date.now();
    this.err(scrub(`  (-) ${title}…\n`));
    try {
      const r = await fn();
      this.err(scrub(`${this.c('32', '  (✓) Done:')} ${title} ${this.c('90', `(${fmtMs(Date.now() - t0)})`)}\n`));
      return r;
    } catch (e) {
      this.err(scrub(`${this.c('31', '  (x) Failed:')} ${title}\n`));
      throw e;
    }
  }
  progress(title: string, done: number, total: number): void {
    const now = Date.now();
    if (done !== total && now - this.lastProgress < 500) return;
    this.lastProgress = now;
    this.err(scrub(`      ${title}: ${done}/${total}\n`));
  }
  result(data: unknown, text?: string): void {
    this.out(scrub((text ?? JSON.stringify(data, null, 2)) + '\n'));
  }
  failure(err: unknown): void {
    const e = toCkError(err);
    const lines = [`${this.c('31', '(x) Error:')} ${e.message} [${e.code}]`];
    for (const d of e.details ?? []) lines.push(`    - ${d.target ? `${d.target}: ` : ''}${d.message} [${d.code}]`);
    if (e.hint) lines.push(`    Next: ${e.hint}`);
    if (this.opts.verbose && e.cause) lines.push(`    Cause: ${e.cause instanceof Error ? e.cause.stack : String(e.cause)}`);
    this.err(scrub(lines.join('\n') + '\n'));
  }
}

/** `--json`: NDJSON progress on stderr, exactly one JSON document on stdout. */
export class JsonIoHost implements IoHost {
  private done = false;
  constructor(
    private readonly out: Writer = (s) => process.stdout.write(s),
    private readonly err: Writer = (s) => process.stderr.write(s),
  ) {}
  private line(o: unknown): void {
    this.err(scrub(JSON.stringify(o)) + '\n');
  }
  log(m: IoMessage): void {
    this.line({ type: 'log', ...m });
  }
  async step<T>(title: string, fn: () => Promise<T> | T): Promise<T> {
    const t0 = Date.now();
    this.line({ type: 'step', title, status: 'start' });
    try {
      const r = await fn();
      this.line({ type: 'step', title, status: 'done', ms: Date.now() - t0 });
      return r;
    } catch (e) {
      this.line({ type: 'step', title, status: 'failed', ms: Date.now() - t0 });
      throw e;
    }
  }
  progress(title: string, done: number, total: number): void {
    this.line({ type: 'progress', title, done, total });
  }
  result(data: unknown): void {
    if (this.done) throw new TypeError('JsonIoHost.result called twice');
    this.done = true;
    this.out(scrub(JSON.stringify({ ok: true, result: data }, null, 2)) + '\n');
  }
  failure(err: unknown): void {
    if (this.done) return;
    this.done = true;
    const e = toCkError(err);
    this.out(scrub(JSON.stringify({ ok: false, ...toErrorBody(e) }, null, 2)) + '\n');
  }
}

/** Records everything; for tests. */
export class RecordingIoHost implements IoHost {
  readonly messages: IoMessage[] = [];
  readonly steps: Array<{ title: string; status: 'done' | 'failed' }> = [];
  readonly progressEvents: Array<{ title: string; done: number; total: number }> = [];
  results: unknown[] = [];
  failures: CkError[] = [];
  log(m: IoMessage): void {
    this.messages.push(m);
  }
  async step<T>(title: string, fn: () => Promise<T> | T): Promise<T> {
    try {
      const r = await fn();
      this.steps.push({ title, status: 'done' });
      return r;
    } catch (e) {
      this.steps.push({ title, status: 'failed' });
      throw e;
    }
  }
  progress(title: string, done: number, total: number): void {
    this.progressEvents.push({ title, done, total });
  }
  result(data: unknown): void {
    this.results.push(data);
  }
  failure(err: unknown): void {
    this.failures.push(toCkError(err));
  }
  codes(): string[] {
    return this.messages.filter((m) => m.code).map((m) => m.code!);
  }
}

/** A host that discards everything (library use without output). */
export class SilentIoHost extends RecordingIoHost {}

function fmtMs(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(1)}s`;
}
