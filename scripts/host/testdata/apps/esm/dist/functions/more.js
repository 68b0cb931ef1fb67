import { app } from '@azure/functions';
app.http('esmMore', { methods: ['GET'], route: 'more', handler: async () => ({ jsonBody: { more: true } }) });
