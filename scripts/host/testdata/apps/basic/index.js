// Fixture app for the local host tests: registers functions through the REAL @azure/functions.
const fs = require('node:fs');
const { app, HttpResponse } = require('@azure/functions');

let appStarted = false;
let preCount = 0;
app.hook.appStart(() => { appStarted = true; });
app.hook.log((ctx) => {
  if (ctx.category === 'user' && ctx.message.startsWith('getting')) ctx.message += ` (log hook saw ${ctx.invocationContext.functionName})`;
});
app.hook.appTerminate(() => { if (process.env.HOOK_FILE) fs.writeFileSync(process.env.HOOK_FILE, 'terminated'); });
app.hook.preInvocation((ctx) => {
  preCount++;
  ctx.hookData.pre = true;
  const orig = ctx.functionHandler;
  ctx.functionHandler = async (...args) => {
    const r = await orig(...args);
    if (r && r.jsonBody && ctx.invocationContext.functionName === 'hooks') r.jsonBody.wrapped = true;
    return r;
  };
});
app.hook.postInvocation((ctx) => {
  if (ctx.error && ctx.invocationContext.functionName === 'mapped') {
    ctx.result = { status: 418, jsonBody: { mapped: ctx.error.message, pre: ctx.hookData.pre } };
    ctx.error = null;
  }
});

app.http('getItem', { methods: ['GET'], route: 'items/{id:int}', authLevel: 'function', handler: async (req, ctx) => {
  ctx.log('getting', req.params.id);
  return { jsonBody: { id: Number(req.params.id), fn: 'getItem' } };
} });
app.http('listRecent', { methods: ['GET'], route: 'items/recent', handler: async () => ({ jsonBody: { fn: 'listRecent' } }) });
// precedence: "aWide" sorts before "bNarrow", so it shadows things/recent
app.http('aWide', { methods: ['GET'], route: 'things/{name}', handler: async (req) => ({ jsonBody: { fn: 'aWide', name: req.params.name } }) });
app.http('bNarrow', { methods: ['GET'], route: 'things/recent', handler: async () => ({ jsonBody: { fn: 'bNarrow' } }) });
app.http('deleteItem', { methods: ['DELETE'], route: 'items/{id:int}', authLevel: 'admin', handler: async (req) => ({ status: 202, jsonBody: { deleted: req.params.id } }) });

app.http('echo', { methods: ['GET', 'POST', 'PUT'], route: 'echo/{*rest}', handler: async (req) => {
  const buf = Buffer.from(await req.arrayBuffer());
  return { jsonBody: {
    method: req.method, url: req.url, rest: req.params.rest ?? null,
    headers: Object.fromEntries(req.headers.entries()),
    query: Object.fromEntries(req.query.entries()), aAll: req.query.getAll('a'),
    bodyBase64: buf.toString('base64'), bodyLength: buf.length,
  } };
} });
app.http('raw', { methods: ['POST'], route: 'raw', handler: async (req) => ({
  body: new Uint8Array(await req.arrayBuffer()),
  headers: { 'content-type': req.headers.get('content-type') || 'application/octet-stream' },
}) });
app.http('json', { methods: ['POST'], route: 'json', handler: async (req) => ({ status: 201, jsonBody: { got: await req.json() } }) });
app.http('text', { methods: ['POST'], route: 'text', handler: async (req) => ({ body: (await req.text()).toUpperCase() }) });
app.http('opt', { methods: ['GET'], route: 'opt/{x?}', handler: async (req) => ({ jsonBody: { params: req.params, hasX: 'x' in req.params } }) });
app.http('typed', { methods: ['GET'], route: 'typed/{a:alpha}/{g:guid}/{b:bool}/{n:int:min(10)}/{s:length(2)}', handler: async (req) => ({ jsonBody: req.params }) });
app.http('rx', { methods: ['GET'], route: 'rx/{code:regex(^[a-z]{{2}}-\\d{{3}}$)}', handler: async (req) => ({ jsonBody: req.params }) });
app.http('nothing', { route: 'nothing', handler: async () => undefined });
app.http('boom', { route: 'boom', handler: async () => { throw new Error('kaboom'); } });
app.http('bad', { route: 'bad', handler: async () => 'just a string' });
app.http('mapped', { route: 'mapped', handler: async () => { throw new Error('mapped-error'); } });
app.http('hdr', { route: 'hdr', handler: async () => ({ body: 'h', headers: { 'X-Custom': 'from-function' } }) });
app.http('cookie', { route: 'cookie', handler: async () => new HttpResponse({ status: 200, body: 'c', cookies: [{ name: 'sid', value: 'abc', httpOnly: true, sameSite: 'Lax', maxAge: 60 }] }) });
app.http('env', { route: 'env', handler: async () => ({ jsonBody: { my: process.env.MY_SETTING, preset: process.env.PRESET_VAR, opt: process.env.FROM_OPTION, nullOne: process.env.NULL_ONE ?? null, envName: process.env.AZURE_FUNCTIONS_ENVIRONMENT } }) });
app.http('hooks', { route: 'hooks', handler: async () => ({ jsonBody: { appStarted, preCount } }) });
app.http('DefaultRoute', { handler: async (req) => ({ body: `hello ${req.query.get('name') || 'world'}` }) });
app.http('slow', { route: 'slow/{n:int}', handler: async (req, ctx) => {
  await new Promise((r) => setTimeout(r, Number(req.params.n) % 7));
  return { jsonBody: { n: Number(req.params.n), invocationId: ctx.invocationId } };
} });
