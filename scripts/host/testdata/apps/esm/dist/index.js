import { app } from '@azure/functions';
app.http('esmHello', { methods: ['GET'], route: 'hello/{name?}', handler: async (req) => ({ body: `hi ${req.params.name ?? 'anon'}` }) });
