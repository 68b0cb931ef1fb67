/**
 * tsoa compatibility (issue 9) and the build's type check (issue 8.11): controllers read the way `tsoa spec` reads
 * them, type errors and unhandled @Security names fail with file:line.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { linkNodeModules } from '../testing/fixture-project';
import { generateMetadata } from '../metadata';
import { emitSpec, lintErrorOf } from './index';

const TESTDATA = path.join(__dirname, 'testdata/tsoa-compat');
const API = { title: 'T', description: '', version: '1', host: 'h', basePath: '/api', schemes: ['https' as const] };

describe('models read as tsoa reads them (strict options, ES2022 lib)', () => {
  const bm = generateMetadata({ root: TESTDATA, entryFile: 'models-api/models-controller.ts', controllerPathGlobs: ['models-api/*.ts'] });
  const { spec, findings } = emitSpec(bm, API);
  const defs = spec.definitions as Record<string, { properties: Record<string, Record<string, unknown>>; required?: string[] }>;

  test('Partial/Omit/Pick over optional properties keep their types (no degraded union)', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(defs.Partial_Profile_.properties).toEqual({ nickname: { type: 'string' }, age: { type: 'number', format: 'double' }, email: { type: 'string' } });
    expect(defs['Pick_Profile.Exclude_keyofProfile.email__'].properties.nickname).toEqual({ type: 'string' });
    expect(defs['Pick_Profile.nickname-or-email_'].properties.nickname).toEqual({ type: 'string' });
  });

  test("utility types carry the description tsoa copies from TypeScript's lib, as in tsoa spec", () => {
    const described = defs as unknown as Record<string, { description?: string }>;
    expect(described.Partial_Profile_!.description).toBe('Make all properties in T optional');
    expect(described['Pick_Profile.nickname-or-email_']!.description).toBe('From T, pick a set of properties whose keys are in the union K');
  });

  test('class properties with initializers keep their types and defaults', () => {
    expect(defs.Preferences.properties).toEqual({
      theme: { type: 'string', default: 'light' },
      pageSize: { type: 'number', format: 'double', default: 20 },
      notify: { type: 'boolean', default: true },
    });
  });

  test('an interface extending Error reads like tsoa spec (name, message, stack)', () => {
    expect(Object.keys(defs.ApiFailure.properties).sort()).toEqual(['message', 'name', 'stack', 'status']);
    expect(defs.ApiFailure.required).toEqual(['name', 'message', 'status']);
  });
});

describe('type check and auth names (build options)', () => {
  // The controller has a deliberate type error, so it is kept as .txt (the repository's own tsc must pass) and
  // checked in a temp copy.
  const root = mkdtempSync(path.join(tmpdir(), 'ck-typecheck-'));
  cpSync(path.join(TESTDATA, 'checked-api'), path.join(root, 'checked-api'), { recursive: true });
  renameSync(path.join(root, 'checked-api/checked-controller.ts.txt'), path.join(root, 'checked-api/checked-controller.ts'));
  linkNodeModules(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const bm = generateMetadata({ root, entryFile: 'checked-api/checked-controller.ts', controllerPathGlobs: ['checked-api/checked-controller.ts'], authModule: 'checked-api/auth.ts', typeCheck: true });
  const { findings } = emitSpec(bm, API);
  const file = 'checked-api/checked-controller.ts';
  const lineOf = (_file: string, text: string) =>
    readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1;

  test('a type error in a controller fails like a lint error, with file:line', () => {
    const got = findings.filter((f) => f.code === 'CK_SPEC_TYPE_ERROR');
    expect(got.map((f) => [f.severity, `${f.file}:${f.line}`])).toEqual([['error', `${file}:${lineOf(file, "= 'oops'")}`]]);
    expect(got[0].message).toMatch(/^TS2322: Type 'string' is not assignable to type 'number'/);
    expect(lintErrorOf(findings)?.details?.map((d) => d.target)).toContain(`${file}:${lineOf(file, "= 'oops'")}`);
  });

  test('the auth module declares the names it handles; another @Security name fails with file:line', () => {
    expect(bm.auth).toEqual({ file: 'checked-api/auth.ts', securityNames: ['entra'] });
    const got = findings.filter((f) => f.code === 'CK_SPEC_SECURITY_NOT_HANDLED');
    expect(got.map((f) => [f.severity, `${f.file}:${f.line}`])).toEqual([['error', `${file}:${lineOf(file, "@Get('other')")}`]]);
    expect(got[0].message).toContain("@Security('partner')");
  });
});
