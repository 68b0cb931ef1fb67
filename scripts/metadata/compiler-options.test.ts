/**
 * A project without tsconfig.json is type-checked with the options `connectorkit init` writes: Node's globals, and
 * not every node_modules/@types package (a test runner's globals must not type-check in function code, and the
 * build should not parse them).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PROJECT_COMPILER_OPTIONS } from '../core/project-tsconfig';
import { initFiles } from '../init/files';
import { linkNodeModules } from '../testing/fixture-project';
import { projectCompilerOptions } from './compiler-options';
import { generateMetadata } from './index';

jest.setTimeout(120_000);

const CONTROLLER = `import { Controller, Get, Route } from 'tsoa';

@Route('env')
export class EnvController extends Controller {
  @Get()
  public async readEnv(): Promise<string> {
    const size = Buffer.from(process.env.GREETING ?? '').length;
    for (const [name] of new Headers({ a: '1' })) void name; // DOM.Iterable
    describe('not function code', () => undefined);
    return String(size);
  }
}
`;

const dirs: string[] = [];
function project(withNodeModules: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-no-tsconfig-'));
  dirs.push(dir);
  if (withNodeModules) linkNodeModules(dir);
  mkdirSync(path.join(dir, 'functions/controllers'), { recursive: true });
  writeFileSync(path.join(dir, 'functions/controllers/env-controller.ts'), CONTROLLER);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test("without tsconfig.json a controller gets Node's globals and not jest's, wherever the process runs", () => {
  const root = project(true);
  const cwd = process.cwd();
  process.chdir(tmpdir()); // no node_modules above it: Node's types must be found from the project root
  let bm;
  try {
    bm = generateMetadata({ root, entryFile: 'functions/controllers/env-controller.ts', controllerPathGlobs: ['functions/controllers/*.ts'], typeCheck: true });
  } finally {
    process.chdir(cwd);
  }
  const line = CONTROLLER.split('\n').findIndex((l) => l.includes('describe(')) + 1;
  // TS2593: "Cannot find name 'describe'. Do you need to install type definitions for a test runner?"
  expect((bm.typeErrors ?? []).map((e) => `${e.file}:${e.line} ${e.message.slice(0, 7)}`)).toEqual([`functions/controllers/env-controller.ts:${line} TS2593:`]);
});

test("the options are init's; Node's types join only where @types/node is installed", () => {
  const written = JSON.parse(initFiles({ names: { title: 'T', slug: 't' } as never, framework: '0.0.0', typescript: '5.9.3', typesNode: '20.0.0' })['tsconfig.json']!) as { compilerOptions: unknown };
  expect(written.compilerOptions).toEqual(PROJECT_COMPILER_OPTIONS);
  const linked = projectCompilerOptions(project(true));
  expect(linked).toMatchObject({ strict: true, experimentalDecorators: true, isolatedModules: true, types: ['node'], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'] });
  expect(projectCompilerOptions(project(false)).types).toEqual([]);
});
