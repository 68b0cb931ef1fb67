import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of the host stage (the local Functions host behind `connectorkit serve`). */
export const HOST_CODES = defineCodes('host', {
  CK_HOST_NO_FUNCTIONS: {
    source: 'user',
    title: 'The Functions app registered no functions.',
    hint: 'Check that package.json "main" points at the bundle, that the bundle calls app.http(...), and that esbuild marks @azure/functions-core as external (run `connectorkit build`).',
  },
  CK_HOST_ENTRY_NOT_FOUND: {
    source: 'user',
    title: 'The Functions app entry point was not found.',
    hint: 'Run `connectorkit build` first, or check the "main" field of the app package.json.',
  },
  CK_HOST_ENTRY_LOAD_FAILED: {
    source: 'user',
    title: 'The Functions app entry point threw while loading.',
    hint: 'Fix the error in the named file (the Azure worker refuses the same app), then rebuild.',
  },
  CK_HOST_FUNCTION_INVALID: {
    source: 'user',
    title: 'A registered function would be rejected by the Azure Functions host.',
    hint: 'Rename the function or change its route as each detail says; Azure applies the same rules.',
  },
  CK_HOST_ROUTE_INVALID: {
    source: 'user',
    title: 'A function route template is not valid.',
    hint: 'Use the ASP.NET route syntax: {name}, {name?}, {*rest}, {name=default} and the constraints int, long, bool, guid, alpha, datetime, decimal, double, float, minlength(n), maxlength(n), length(n[,m]), min(n), max(n), range(a,b), regex(expr), required.',
  },
  CK_HOST_SETTINGS_INVALID: {
    source: 'user',
    title: 'host.json or local.settings.json could not be read.',
    hint: 'Check that the file is valid JSON (local.settings.json "Values" must be string → string).',
  },
  CK_HOST_PORT_IN_USE: {
    source: 'user',
    title: 'The local host could not listen on the port.',
    hint: 'Stop the other process using the port or pass --port <n> (0 picks a free port).',
  },
  CK_HOST_WORKER_FAILED: {
    source: 'internal',
    title: 'The app worker stopped unexpectedly.',
    hint: 'Re-run with --verbose; if the app calls process.exit or crashes at start-up, fix that first.',
  },
  CK_HOST_ROUTE_NOT_FOUND: {
    source: 'user',
    title: 'No function matches this method and path.',
    hint: 'Check the method, the route prefix and the route constraints (the Azure host also answers 404, with an empty body).',
    httpStatus: 404,
  },
  CK_HOST_UNAUTHORIZED: {
    source: 'user',
    title: 'A valid function key is required.',
    hint: 'Send the key in the x-functions-key header or the code query parameter (keys: .connectorkit/host-keys.json).',
    httpStatus: 401,
  },
  CK_HOST_BODY_TOO_LARGE: {
    source: 'user',
    title: 'The request body is larger than the host allows.',
    hint: 'Send less data or raise FUNCTIONS_REQUEST_BODY_SIZE_LIMIT (bytes; default 104857600, as on Azure).',
    httpStatus: 413,
  },
  CK_HOST_INVALID_HOST_HEADER: {
    source: 'user',
    title: 'The Host header is not a valid host name.',
    hint: 'Send Host as name[:port] (e.g. localhost:7071 or [::1]:7071); browsers and HTTP clients do this on their own.',
    httpStatus: 400,
  },
  CK_HOST_HOST_NOT_ALLOWED: {
    source: 'user',
    title: 'The Host header names a host the local host does not serve.',
    hint: 'Call the local host as localhost, 127.0.0.1 or [::1]; to reach it under another name, add that name to connectorkit.serve.allowedHosts in package.json (["*"] accepts any).',
    httpStatus: 400,
  },
  CK_HOST_NOT_READY: {
    source: 'user',
    title: 'The local host is still loading the app.',
    hint: 'Retry after the number of seconds in Retry-After; `serve` prints the URLs once the app is loaded.',
    httpStatus: 503,
  },
  CK_HOST_URL_TOO_LONG: {
    source: 'user',
    title: 'The request URL is longer than 4096 bytes.',
    hint: 'Azure Functions limits URLs to 4 KB; move data into the body.',
    httpStatus: 414,
  },
  CK_HOST_FUNCTION_FAILED: {
    source: 'internal',
    title: 'The function threw an unhandled exception.',
    hint: 'See the host log for the stack trace. Azure answers this with 500 and an empty body.',
    httpStatus: 500,
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof HOST_CODES> {}
}
