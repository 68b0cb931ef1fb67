// HTTP streaming mode: the library proxies the raw request (scripts/host/README.md, "Streaming").
const { app } = require('@azure/functions');
app.setup({ enableHttpStream: true });
app.http('sEcho', { methods: ['GET', 'POST'], route: 's/{id}', handler: async (req) => ({ jsonBody: { id: req.params.id, a: req.query.getAll('a'), body: req.method === 'POST' ? await req.text() : null } }) });
app.http('sNothing', { route: 'snothing', handler: async () => undefined });
