/**
 * Install-time behaviour of our dependencies. swagger-ui-dist depends on @scarf/scarf, whose postinstall script
 * reports the install to a third party unless the ROOT package.json opts out (docs/supply-chain.md). These tests run
 * that real script against a loopback server standing in for the reporting endpoint (its SCARF_LOCAL_PORT switch)
 * and check that our package.json sends nothing, while the same file without the opt-out would report.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const rootPackage = () => JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

interface ScarfRun {
  reports: string[];
  output: string;
}

/** Runs scarf's postinstall script as npm would at the install root `initCwd`, reporting to a loopback server. */
async function runScarf(packageJson: Record<string, unknown>): Promise<ScarfRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-scarf-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(packageJson));
  const reports: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      reports.push(`${req.method} ${req.url} ${body}`);
      res.end('{}');
    });
  });
  // scarf's local mode posts to "localhost": listen where that name resolves first (the client tries every address).
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  try {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, TMPDIR: dir, INIT_CWD: dir, SCARF_LOCAL_PORT: String((server.address() as AddressInfo).port), SCARF_VERBOSE: 'true' };
    const child = spawn(process.execPath, [require.resolve('@scarf/scarf/report.js')], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    await new Promise((resolve) => child.on('close', resolve));
    return { reports, output };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('@scarf/scarf install analytics', () => {
  it('package.json opts out (scarfSettings.enabled false, no dependency-tree walk), and so does the framework package', () => {
    expect(rootPackage().scarfSettings).toEqual({ enabled: false, skipTraversal: true });
    // Projects that install connectorkit: scarf honours an opt-out anywhere on the chain that leads to it.
    const framework = JSON.parse(readFileSync(path.join(ROOT, 'scripts', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(framework.scarfSettings).toEqual({ enabled: false });
    expect(Object.keys(framework.dependencies as object)).toContain('swagger-ui-dist');
  });

  it("scarf's real postinstall sends nothing for our package.json", async () => {
    const run = await runScarf(rootPackage());
    expect(run.output).toContain('User has opted out');
    expect(run.reports).toEqual([]);
  });

  it('the same package.json without the opt-out would report the install (the check above can fail)', async () => {
    const run = await runScarf({ ...rootPackage(), scarfSettings: { skipTraversal: true } });
    expect(run.reports).toHaveLength(1);
    expect(run.reports[0]).toMatch(/^POST \/package-event\/install /);
  });
});

describe('dependency majors (docs/supply-chain.md)', () => {
  // The copy the framework resolves: its own node_modules first, then the hoisted one (some packages export no ./package.json).
  const installed = (name: string) => {
    const file = [path.join(ROOT, 'scripts', 'node_modules', name, 'package.json'), path.join(ROOT, 'node_modules', name, 'package.json')].find(existsSync)!;
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  };

  it('runs the current majors where nothing blocks them', () => {
    expect(installed('jose')).toMatch(/^6\./);
    expect(installed('fast-xml-parser')).toMatch(/^5\./);
    expect(installed('esbuild')).toMatch(/^0\.28\./);
    expect(installed('selfsigned')).toMatch(/^5\./);
    expect(installed('picomatch')).toMatch(/^4\./);
    expect(installed('typescript')).toMatch(/^5\./); // tsoa 6 needs TypeScript 5
  });
});
