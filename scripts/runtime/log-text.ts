/**
 * What a request may put into a log line, made safe in ONE place (the local host's log sink, the generic handler
 * and the auth module all use it): control characters (CR/LF, ANSI/C1 escapes, Unicode line separators and bidi
 * overrides) are written as visible escapes so nobody can forge a log line or recolour a terminal, query strings
 * of URLs are dropped, and credential-looking values (`code=`, `access_token=`, `sig=`, `Bearer …`) are masked.
 * Runtime code: bundled into the Functions app, so it imports nothing.
 */

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
// C0 (incl. ESC), DEL, C1 (incl. CSI U+009B), U+2028/2029, bidi embeddings/overrides/isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above, line breaks and tabs excepted
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const URL_QUERY = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*)\?[^\s#"'<>]*/gi;
const CREDENTIAL_PARAM = /\b(code|access_token|id_token|refresh_token|client_secret|client_assertion|sig|signature|password|api[-_]?key|x-functions-key)=[^&\s#"'<>]+/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/g;

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/**
 * A request-derived value for a log line: every control character escaped (also CR/LF: one value, one line).
 * @example escapeForLog('x\r\n[GetMe] ok') === 'x\\r\\n[GetMe] ok'
 */
export function escapeForLog(value: unknown): string {
  return String(value).replace(CONTROL, escapeChar);
}

/**
 * A whole log message that may contain request values: control characters escaped (line breaks and tabs kept when
 * `multiline`, e.g. for stack traces), URL query strings removed, credential values masked.
 */
export function safeLogText(text: string, opts: { multiline?: boolean } = {}): string {
  return text
    .replace(opts.multiline ? CONTROL_BUT_LINES : CONTROL, escapeChar)
    .replace(URL_QUERY, '$1?…')
    .replace(CREDENTIAL_PARAM, '$1=***')
    .replace(BEARER, '$1 ***');
}
