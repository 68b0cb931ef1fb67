/**
 * Command-line mistakes as a user hits them (real child process): exit 1, a code, and with --json exactly one JSON
 * document on stdout — commander's own text never leaks.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';

const BIN = path.resolve(__dirname, '../bin/connectorkit.cjs');

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: path.resolve(__dirname, '../..'), env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 }, (_e, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('usage errors', () => {
  const cases: Array<[string[], string, RegExp]> = [
    [['build', '--bogus', '--json'], 'CK_USAGE', /Unknown option '--bogus'/],
    [['deploy', '--json'], 'CK_USAGE', /Required option '--env <name>' not specified/],
    [['nosuch', '--json'], 'CK_USAGE', /Unknown command 'nosuch'/],
    [['validate', '--level', 'nope', '--json'], 'CK_VALIDATE_BAD_LEVEL', /allowed levels are schema, platform, certification/],
  ];
  for (const [args, code, message] of cases) {
    it(`${args.join(' ')} exits 1 with one JSON document carrying ${code}`, async () => {
      const r = await cli(args);
      expect(r.code).toBe(1);
      const doc = JSON.parse(r.stdout) as { ok: boolean; error: { code: string; message: string; hint?: string } };
      expect(doc).toMatchObject({ ok: false, error: { code } });
      expect(doc.error.message).toMatch(message);
      expect(doc.error.hint).toMatch(/--help|--level/);
      expect(r.stderr).not.toContain('error:');
    }, 60_000);
  }

  it('without --json the error is rendered on stderr with its code and a next step, stdout stays empty', async () => {
    const r = await cli(['build', '--bogus']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("(x) Error: Unknown option '--bogus'. [CK_USAGE]");
    expect(r.stderr).toContain('Next: Run `connectorkit build --help`');
  }, 60_000);

  it('--help and --version still exit 0 on stdout', async () => {
    const [help, version] = await Promise.all([cli(['build', '--help']), cli(['--version'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: connectorkit build');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  }, 60_000);
});
