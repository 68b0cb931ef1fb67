/**
 * `/{prefix}/swagger.json` (the build's dist/swagger.json with host, schemes and basePath pointed at this local
 * host, so Swagger UI's "Try it out" calls it) and `/{prefix}/docs` (Swagger UI from swagger-ui-dist, served
 * from node_modules — no CDN).
 */
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CkError } from '../core/errors';
import { toErrorBody } from '../runtime/error-body';
import type { DocsOptions } from './types';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'oauth2-redirect.html': 'text/html; charset=utf-8',
  'oauth2-redirect.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

let distDir: string | undefined;
function swaggerUiDir(): string {
  distDir ??= path.dirname(require.resolve('swagger-ui-dist/package.json'));
  return distDir;
}

/** Rewrites the spec for local use: host = this origin's host, schemes = [http], basePath = the route prefix. */
export function localSpec(specText: string, origin: string, routePrefix: string, docs?: DocsOptions): Record<string, unknown> {
  const spec = JSON.parse(specText) as Record<string, unknown>;
  spec.host = new URL(origin).host;
  spec.schemes = ['http'];
  spec.basePath = routePrefix ? `/${routePrefix}` : '/';
  return docs?.specTransform ? docs.specTransform(spec, { origin }) : spec;
}

const esc = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
// JSON inside <script>: "</script>" and U+2028/2029 must not break out of the element.
const scriptJson = (v: unknown) =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

export function docsPage(base: string, title: string, docs?: DocsOptions): string {
  const options = { url: `${base}/swagger.json`, dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true, ...(docs?.uiOptions ?? {}) };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<link rel="stylesheet" href="${base}/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="${base}/docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${base}/docs/swagger-ui-bundle.js"></script>
<script src="${base}/docs/swagger-ui-standalone-preset.js"></script>
<script>
(function () {
  var options = ${scriptJson(options)};
  options.oauth2RedirectUrl = ${scriptJson(docs?.oauth2RedirectUrl ?? null)} || (window.location.origin + ${scriptJson(`${base}/docs/oauth2-redirect.html`)});
  options.presets = [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset];
  options.plugins = [SwaggerUIBundle.plugins.DownloadUrl];
  options.layout = 'StandaloneLayout';
  var ui = SwaggerUIBundle(options);
  var initOAuth = ${scriptJson(docs?.initOAuth ?? null)};
  if (initOAuth) ui.initOAuth(initOAuth);
  window.ui = ui;
})();
</script>
</body>
</html>
`;
}

/**
 * Serves the docs routes; returns false when the path is not one of them. `base` is '' or '/api'.
 * Only GET/HEAD are answered.
 */
export function serveDocs(req: IncomingMessage, res: ServerResponse, path_: string, base: string, specFile: string | undefined, docs: DocsOptions | undefined, authority: string): boolean {
  if (!specFile || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const lower = path_.toLowerCase();
  const b = base.toLowerCase();
  const send = (status: number, type: string, body: Buffer | string) => {
    res.statusCode = status;
    res.setHeader('content-type', type);
    res.setHeader('cache-control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (lower === `${b}/swagger.json`) {
    if (!existsSync(specFile)) {
      const e = new CkError({ code: 'CK_INPUT_NOT_FOUND', message: `${specFile} does not exist.`, hint: 'Run `connectorkit build`.' });
      send(404, 'application/json', JSON.stringify(toErrorBody(e)));
      return true;
    }
    // `authority` is the request's checked Host, so the page and the spec agree whether the user typed localhost or 127.0.0.1.
    const spec = localSpec(readFileSync(specFile, 'utf8'), `http://${authority}`, base.replace(/^\//, ''), docs);
    send(200, 'application/json', JSON.stringify(spec, null, 2));
    return true;
  }
  if (lower === `${b}/docs` || lower === `${b}/docs/` || lower === `${b}/docs/index.html`) {
    let title = 'API docs';
    try {
      title = (JSON.parse(readFileSync(specFile, 'utf8')) as { info?: { title?: string } }).info?.title ?? title;
    } catch {
      /* the page still loads; swagger-ui shows the spec error */
    }
    send(200, 'text/html; charset=utf-8', docsPage(base, title, docs));
    return true;
  }
  if (lower.startsWith(`${b}/docs/`)) {
    const name = path_.slice(`${base}/docs/`.length);
    // Own keys only: `constructor`, `__proto__`, `toString` … are inherited and would be read as file names.
    const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!type) return false;
    send(200, type, readFileSync(path.join(swaggerUiDir(), name)));
    return true;
  }
  return false;
}
