/**
 * The validator: `validateConnectorFiles` (pure, on an in-memory folder — export calls it before writing) and
 * `validateConnectorDir` (reads a folder). Layer 1 = schemas with relaxations, layer 2 = Microsoft's Swagger
 * Validator rules that can be checked offline, layer 3 = certification lint.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { CkError } from '../core/errors';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { readJsonTolerant, decodeText } from './read';
import { parsePointer } from './pointer';
import { schemaFindings } from './schema-layer';
import { RULES } from './rules';
import { listOperations, resolveInternal, deref, isObj } from './swagger-walk';
import {
  LEVELS, SWAGGER_FILE, PROPERTIES_FILE, SETTINGS_FILE, README_FILE,
  type Finding, type ParsedFile, type RuleContext, type ValidateOptions, type ValidationLevel, type ValidationReport, type JsonObject,
} from './types';
import './codes';

const JSON_FILES: Record<string, 'swagger' | 'apiProperties' | 'settings'> = {
  [SWAGGER_FILE]: 'swagger',
  [PROPERTIES_FILE]: 'apiProperties',
  [SETTINGS_FILE]: 'settings',
};

/** Validates an in-memory connector folder (file name → content). Never throws on bad content. */
export function validateConnectorFiles(files: Record<string, Buffer | string>, opts: ValidateOptions = {}): ValidationReport {
  const level = checkLevel(opts.level ?? 'platform');
  const findings: Finding[] = [];
  const parsed: Record<string, ParsedFile> = {};
  for (const [rawName, content] of Object.entries(files)) {
    // readme.md is matched case-insensitively (README.md is common); everything else by its exact name.
    const name = rawName.toLowerCase() === README_FILE ? README_FILE : rawName;
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const pf: ParsedFile = { name, raw };
    const schema = JSON_FILES[name];
    if (schema) {
      const r = readJsonTolerant(name, content);
      findings.push(...r.findings);
      pf.text = r.text;
      if (r.json !== undefined) {
        if (isObj(r.json)) pf.json = r.json;
        else findings.push({ severity: 'error', ruleId: 'JsonTypeIncorrect', message: 'The file must hold a JSON object.', pointer: '', file: name });
      }
      if (pf.json !== undefined) {
        try {
          findings.push(...schemaFindings(schema, name, pf.json));
        } catch (e) {
          // Odd input must never crash validation: report that the structure check could not finish.
          findings.push({ severity: 'error', ruleId: 'SchemaViolation', message: `The schema check could not complete (${(e as Error).message}).`, pointer: '', file: name });
        }
      }
    } else if (name.endsWith('.md') || name.endsWith('.csx')) {
      pf.text = decodeText(name, content, []);
    }
    parsed[name] = pf;
  }
  for (const required of [SWAGGER_FILE, PROPERTIES_FILE]) {
    if (!parsed[required]) findings.push({ severity: 'error', ruleId: 'CkFileMissing', message: `The connector folder has no ${required}; paconn and pac need it.`, pointer: '', file: required });
  }
  if (level !== 'schema') runRules(level, parsed, findings);
  addLines(findings, parsed);
  return toReport(level, findings, Object.keys(parsed));
}

/** Reads a connector folder and validates it. Throws CK_VALIDATE_DIR_NOT_FOUND when `dir` is not a folder. */
export async function validateConnectorDir(dir: string, opts: ValidateOptions = {}): Promise<ValidationReport> {
  checkLevel(opts.level ?? 'platform');
  const st = await stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) throw new CkError({ code: 'CK_VALIDATE_DIR_NOT_FOUND', message: `The connector folder ${dir} does not exist.`, target: dir });
  const files: Record<string, Buffer> = {};
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isFile()) files[e.name] = await readFile(path.join(dir, e.name));
  }
  return validateConnectorFiles(files, opts);
}

/** Returns `level` as a ValidationLevel; throws CK_VALIDATE_BAD_LEVEL (naming the allowed levels) for anything else. */
export function checkLevel(level: string): ValidationLevel {
  if (!(LEVELS as readonly string[]).includes(level)) {
    throw new CkError({ code: 'CK_VALIDATE_BAD_LEVEL', message: `Unknown validation level '${level}'; allowed levels are ${LEVELS.join(', ')}.`, target: 'level' });
  }
  return level as ValidationLevel;
}

function runRules(level: ValidationLevel, files: Record<string, ParsedFile>, findings: Finding[]): void {
  const swagger = files[SWAGGER_FILE]?.json as JsonObject | undefined;
  const apiProperties = files[PROPERTIES_FILE]?.json as JsonObject | undefined;
  const operations = listOperations(swagger);
  const rank = LEVELS.indexOf(level);
  const seen = new Set<string>();
  for (const rule of RULES) {
    if (LEVELS.indexOf(rule.level) > rank) continue;
    const ctx: RuleContext = {
      level,
      swagger,
      apiProperties,
      files,
      operations,
      resolveRef: (ref) => resolveInternal(swagger, ref),
      deref: (v) => deref(swagger, v),
      report: (f) => {
        // Shared definitions are reached from several operations: report each place once.
        const key = `${rule.id}\u0000${f.file ?? rule.file}\u0000${f.pointer}\u0000${f.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push({ severity: f.severity ?? (level === 'platform' && rule.platformSeverity ? rule.platformSeverity : rule.severity), ruleId: rule.id, message: f.message, pointer: f.pointer, file: f.file ?? rule.file });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      // A rule must never crash validation of odd real-world input; report it instead.
      findings.push({ severity: 'warning', ruleId: rule.id, message: `The rule could not run on this input (${(e as Error).message}).`, pointer: '', file: rule.file });
    }
  }
}

/** Adds the line number of each finding's pointer (the JSON files are re-parsed into a tree only when needed). */
function addLines(findings: Finding[], files: Record<string, ParsedFile>): void {
  const trees = new Map<string, ReturnType<typeof parseTree> | null>();
  for (const f of findings) {
    const text = files[f.file]?.text;
    const tokens = f.pointer ? parsePointer(f.pointer) : undefined;
    if (text === undefined || !tokens || !JSON_FILES[f.file]) continue;
    if (!trees.has(f.file)) trees.set(f.file, parseTree(text, [], { allowTrailingComma: true }) ?? null);
    const tree = trees.get(f.file);
    if (!tree) continue;
    // Walk up to the deepest existing node: a pointer may name a property that is missing (e.g. "required").
    for (let n = tokens.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree, tokens.slice(0, n).map((t) => (/^\d+$/.test(t) ? Number(t) : t)));
      if (node) {
        f.line = lineOf(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
        break;
      }
    }
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function toReport(level: ValidationLevel, findings: Finding[], files: string[]): ValidationReport {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.file.localeCompare(b.f.file) || order[a.f.severity] - order[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  return {
    level,
    findings: sorted,
    errors: sorted.filter((f) => f.severity === 'error').length,
    warnings: sorted.filter((f) => f.severity === 'warning').length,
    files: files.sort(),
  };
}
