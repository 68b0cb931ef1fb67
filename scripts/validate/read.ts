/**
 * Tolerant reading of real-world connector files: a UTF-8 BOM, CRLF line ends, comments, trailing commas and
 * non-UTF-8 bytes are accepted with a warning each (Microsoft's own repo has all of them); a file that cannot be
 * parsed at all becomes an error finding, never an exception.
 */
import { parse, visit, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Finding } from './types';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Result of reading one file. */
export interface ReadResult {
  text: string;
  json?: unknown;
  findings: Finding[];
}

/** Decodes bytes as UTF-8 (BOM stripped), falling back to Latin-1 with a warning. */
export function decodeText(file: string, content: Buffer | string, findings: Finding[]): string {
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    try {
      text = utf8.decode(content);
    } catch {
      text = content.toString('latin1');
      findings.push(warn(file, 'FileNotUtf8', 'The file is not valid UTF-8; it was read as Latin-1. Save it as UTF-8 without BOM.'));
    }
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    findings.push(warn(file, 'FileHasBom', 'The file starts with a UTF-8 byte order mark; paconn create/update may fail on it. Save it as UTF-8 without BOM.'));
  }
  if (text.includes('\r\n')) {
    findings.push(warn(file, 'FileHasCrlf', 'The file uses CRLF line ends; connectorkit and the Microsoft repo use LF.'));
  }
  return text;
}

/** Reads a JSON file tolerantly. */
export function readJsonTolerant(file: string, content: Buffer | string): ReadResult {
  const findings: Finding[] = [];
  const text = decodeText(file, content, findings);
  try {
    return { text, json: JSON.parse(text), findings };
  } catch {
    // not strict JSON: fall through to the tolerant parser
  }
  const errors: ParseError[] = [];
  const json = parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const first = errors.slice(0, 3).map((e) => `${printParseErrorCode(e.error)} at ${lineCol(text, e.offset)}`);
    findings.push({
      severity: 'error',
      ruleId: 'JsonNotParseable',
      message: `The file is not valid JSON (${errors.length} syntax error${errors.length > 1 ? 's' : ''}: ${first.join('; ')}).`,
      pointer: '',
      file,
      line: lineOf(text, errors[0]!.offset),
    });
    return { text, findings };
  }
  let comments = 0;
  let firstComment = -1;
  let trailing = 0;
  let firstTrailing = -1;
  visit(
    text,
    {
      onComment: (offset) => {
        comments++;
        if (firstComment < 0) firstComment = offset;
      },
      onError: (error, offset) => {
        // With trailing commas disallowed, `,}` / `,]` are reported as a missing property name or value.
        if (error === 3 /* PropertyNameExpected */ || error === 4 /* ValueExpected */) {
          trailing++;
          if (firstTrailing < 0) firstTrailing = offset;
        }
      },
    },
    { allowTrailingComma: false, disallowComments: false },
  );
  if (comments > 0) findings.push(warn(file, 'JsonHasComments', `The file has ${comments} comment${comments > 1 ? 's' : ''} (first at ${lineCol(text, firstComment)}); JSON does not allow comments.`));
  if (trailing > 0) findings.push(warn(file, 'JsonHasTrailingComma', `The file has trailing commas (first at ${lineCol(text, firstTrailing)}); JSON does not allow them.`));
  return { text, json, findings };
}

/** 1-based line of an offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** `line L, column C` (1-based) of an offset. */
export function lineCol(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return `line ${line}, column ${offset - last}`;
}

function warn(file: string, ruleId: string, message: string): Finding {
  return { severity: 'warning', ruleId, message, pointer: '', file };
}
