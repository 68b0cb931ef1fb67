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
  LEVELS,
  SWAGGER_FILE,
  PROPERTIES_FILE,
  SETTINGS_FILE,
  README_FILE,
  type Finding,
  type ParsedFile,
  type RuleContext,
  type ValidateOptions,
  type ValidationLevel,
  type ValidationReport,
  type JsonObject,
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

/**
 * JSON files the rules cannot read: present but not parseable (JsonNotParseable / JsonTypeIncorrect already said so),
 * or a required one that is missing (CkFileMissing). Rules about them would only add follow-on noise.
 */
function unreadableFiles(files: Record<string, ParsedFile>): Set<string> {
  const out = new Set<string>();
  for (const name of Object.keys(JSON_FILES)) if (files[name] && files[name]!.json === undefined) out.add(name);
  for (const name of [SWAGGER_FILE, PROPERTIES_FILE]) if (!files[name]) out.add(name);
  return out;
}

function runRules(level: ValidationLevel, files: Record<string, ParsedFile>, findings: Finding[]): void {
  const swagger = files[SWAGGER_FILE]?.json as JsonObject | undefined;
  const apiProperties = files[PROPERTIES_FILE]?.json as JsonObject | undefined;
  const operations = listOperations(swagger);
  const rank = LEVELS.indexOf(level);
  const seen = new Set<string>();
  const unreadable = unreadableFiles(files);
  for (const rule of RULES) {
    if (LEVELS.indexOf(rule.level) > rank) continue;
    if (unreadable.has(rule.file)) continue;
    const ctx: RuleContext = {
      level,
      swagger,
      apiProperties,
      files,
      operations,
      resolveRef: (ref) => resolveInternal(swagger, ref),
      deref: (v) => deref(swagger, v),
      report: (f) => {
        if (unreadable.has(f.file ?? rule.file)) return;
        // Shared definitions are reached from several operations: report each place once.
        const key = `${rule.id}\u0000${f.file ?? rule.file}\u0000${f.pointer}\u0000${f.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push({
          severity: f.severity ?? (level === 'platform' && rule.platformSeverity ? rule.platformSeverity : rule.severity),
          ruleId: rule.id,
          message: f.message,
          pointer: f.pointer,
          file: f.file ?? rule.file,
        });
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

/**
 * Gives each finding with a pointer the line of the pointed-at value. A line needs a parse tree of the whole file —
 * about a fifth of the time of validating a large folder — so `line` is a lazy, enumerable property: a file's tree is
 * built the first time one of its findings is asked for its line (a batch's terminal summary asks only for errors;
 * --json, JSON.stringify and spreads read it like a plain value). Only the file texts are kept for that, not the
 * parsed documents.
 */
function addLines(findings: Finding[], files: Record<string, ParsedFile>): void {
  const texts = new Map<string, string>();
  const index = new Map<string, { tree: NonNullable<ReturnType<typeof parseTree>>; starts: number[] } | null>();
  const locate = (file: string, tokens: string[]): number | undefined => {
    let ix = index.get(file);
    if (ix === undefined) {
      const text = texts.get(file)!;
      const tree = parseTree(text, [], { allowTrailingComma: true });
      ix = tree ? { tree, starts: lineStartsOf(text) } : null;
      index.set(file, ix);
    }
    if (!ix) return undefined;
    // Walk up to the deepest existing node: a pointer may name a property that is missing (e.g. "required").
    for (let n = tokens.length; n >= 0; n--) {
      const node = findNodeAtLocation(
        ix.tree,
        tokens.slice(0, n).map((t) => (/^\d+$/.test(t) ? Number(t) : t)),
      );
      if (node) return lineAt(ix.starts, node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return undefined;
  };
  for (const f of findings) {
    const text = files[f.file]?.text;
    const tokens = f.pointer ? parsePointer(f.pointer) : undefined;
    if (f.line !== undefined || text === undefined || !tokens || !JSON_FILES[f.file]) continue;
    texts.set(f.file, text);
    let line: number | undefined | null = null;
    Object.defineProperty(f, 'line', {
      enumerable: true,
      configurable: true,
      get: () => (line === null ? (line = locate(f.file, tokens)) : line),
      set: (v: number | undefined) => {
        line = v;
      },
    });
  }
}

/** Offsets where each line starts (a file with many findings needs many lookups: binary search, not a rescan). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line holding `offset`. */
function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Errors first, then warnings, then infos; within a severity by file, then pointer (stable otherwise). */
export function compareFindings(a: Pick<Finding, 'severity' | 'file' | 'pointer'>, b: Pick<Finding, 'severity' | 'file' | 'pointer'>): number {
  const order = { error: 0, warning: 1, info: 2 } as const;
  return order[a.severity] - order[b.severity] || cmp(a.file, b.file) || comparePointers(a.pointer, b.pointer);
}

// Code-unit order, not localeCompare: the same on every machine and locale.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Token by token, array indexes numerically (…/parameters/2 before …/parameters/10); a parent before its children. */
function comparePointers(a: string, b: string): number {
  const ta = a.split('/');
  const tb = b.split('/');
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i]!;
    const y = tb[i]!;
    if (x === y) continue;
    return /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : cmp(x, y);
  }
  return ta.length - tb.length;
}

function toReport(level: ValidationLevel, findings: Finding[], files: string[]): ValidationReport {
  // Array.prototype.sort is stable: findings at the same place keep the order the layers and rules produced.
  const sorted = [...findings].sort(compareFindings);
  return {
    level,
    findings: sorted,
    errors: sorted.filter((f) => f.severity === 'error').length,
    warnings: sorted.filter((f) => f.severity === 'warning').length,
    files: files.sort(),
  };
}
