/**
 * The files `connectorkit init` writes (relative path → content). Generated in code rather than copied from a
 * template folder: npm drops `.gitignore` files from a package, and every file here depends on the names anyway.
 */
import { PROJECT_COMPILER_OPTIONS } from '../core/project-tsconfig';
import type { ProjectNames } from './names';

export interface InitFileOptions {
  names: ProjectNames;
  /** The `connectorkit` dependency spec (a version, a range or a tarball path). */
  framework: string;
  /** Exact versions of the dev tools the project type-checks with (the ones connectorkit itself is tested with). */
  typescript: string;
  typesNode: string;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

function packageJson(o: InitFileOptions): string {
  const { title, slug } = o.names;
  return json({
    name: slug,
    version: '1.0.0',
    private: true,
    scripts: {
      start: 'connectorkit start',
      build: 'connectorkit build',
      serve: 'connectorkit serve',
      export: 'connectorkit export',
      validate: 'connectorkit validate',
      deploy: 'connectorkit deploy',
      typecheck: 'tsc --noEmit -p tsconfig.json',
      test: 'connectorkit build && tsc --noEmit -p tsconfig.json && connectorkit export && connectorkit validate connector --level platform',
    },
    dependencies: { connectorkit: o.framework },
    devDependencies: { '@types/node': o.typesNode, typescript: o.typescript },
    connectorkit: {
      api: {
        title,
        description: `The ${title} API: describe in one or two sentences what a maker can do with it (30 to 500 characters).`,
        version: '1.0.0',
        securityDefinitions: {
          entra: {
            type: 'oauth2',
            flow: 'accessCode',
            authorizationUrl: 'https://login.microsoftonline.com/common/oauth2/authorize',
            tokenUrl: 'https://login.microsoftonline.com/common/oauth2/token',
            scopes: { user_impersonation: `Access ${title} as the signed-in user` },
          },
        },
      },
      // A custom connector needs level platform; raise it to certification (and add the metadata) to certify.
      connector: { level: 'platform' },
      auth: { scope: 'user_impersonation' },
    },
  });
}

const TSCONFIG = json({
  compilerOptions: PROJECT_COMPILER_OPTIONS,
  include: ['functions/**/*.ts'],
  exclude: ['node_modules', 'dist'],
});

const HOST_JSON = json({
  version: '2.0',
  logging: { logLevel: { default: 'Information' } },
  extensions: { http: { routePrefix: 'api', customHeaders: { 'X-Content-Type-Options': 'nosniff' } } },
  extensionBundle: { id: 'Microsoft.Azure.Functions.ExtensionBundle', version: '[4.*, 5.0.0)' },
});

const GITIGNORE = `node_modules/
# Build outputs and local state (connector/ is committed: it is what makers import).
/dist/
/functions/.generated/
/.azurite/
/.connectorkit/
/.deploy/
/local.settings.json
*.log
`;

const CI_RUN = `#!/usr/bin/env bash
# CI: install exactly what the lockfile pins, then build, type-check, export and validate (npm test).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm test
`;

const INDEX_TS = `/**
 * Entry of the Functions bundle: the generated registrations (written by \`connectorkit build\`) register every
 * controller operation with \`app.http\`.
 */
import './.generated/routes';
`;

const MODEL_TS = `/** A note. */
export interface Note {
  /**
   * The note's ID.
   * @extension {"x-ms-summary": "Note ID"}
   * @example "n1"
   */
  id: string;
  /**
   * The text of the note.
   * @extension {"x-ms-summary": "Text"}
   */
  text: string;
}

/** The list of notes. */
export interface NoteList {
  /** @extension {"x-ms-summary": "Notes"} */
  value: Note[];
}
`;

const CONTROLLER_TS = `import { Controller, Get, Path, Route, Security, Tags } from 'tsoa';
import { HttpError } from 'connectorkit/runtime';
import type { Note, NoteList } from '../models/note';

/** An example: replace it with your own operations (keep the data in storage, not in memory). */
const NOTES: Note[] = [{ id: 'n1', text: 'Hello from your new API.' }];

/** Notes. */
@Route('notes')
@Tags('Notes')
@Security('entra', ['user_impersonation'])
export class NotesController extends Controller {
  /**
   * Lists all notes.
   * @summary List notes
   */
  @Get()
  public async ListNotes(): Promise<NoteList> {
    return { value: NOTES };
  }

  /**
   * Gets one note by its ID.
   * @summary Get a note
   * @param noteId The note's ID, e.g. n1.
   */
  @Get('{noteId}')
  public async GetNote(@Path() noteId: string): Promise<Note> {
    const note = NOTES.find((n) => n.id === noteId);
    if (!note) throw new HttpError(404, 'NOTE_NOT_FOUND', \`No note has the ID \${noteId}.\`, { hint: 'List the notes with ListNotes.' });
    return note;
  }
}
`;

function devEnvironment(names: ProjectNames): string {
  return json({
    $schema: '../../node_modules/connectorkit/infra/environments/schema.json',
    cloud: 'AzureCloud',
    subscriptionId: '00000000-0000-0000-0000-000000000000',
    tenantId: '00000000-0000-0000-0000-000000000000',
    // Resource names default to <abbreviation>-dev-<suffix> from subscription, environment and location (provision
    // and deploy resolve the same ones); name existing resources here to adopt them instead.
    location: 'westeurope',
    apim: { sku: 'Consumption', publisherEmail: 'api-owner@example.com' },
    api: { id: names.slug, path: names.slug, displayName: names.title },
    entra: {
      apiApp: { displayName: `${names.slug}-dev-api`, uniqueName: `${names.slug}-dev-api` },
      connectorApp: { displayName: `${names.slug}-dev-connector`, uniqueName: `${names.slug}-dev-connector` },
      connectorIds: [],
    },
  });
}

function readme(names: ProjectNames): string {
  return `# ${names.title}

An API on Azure Functions (tsoa controllers) that becomes a Power Platform custom connector, made with connectorkit.

## Two commands

\`\`\`sh
npm install
npm start      # builds, then serves the API on http://127.0.0.1:7071 with a local token issuer and storage
\`\`\`

Then open http://127.0.0.1:7071/api/docs, or call it with a dev token:

\`\`\`sh
curl -H "Authorization: Bearer $(npm exec --no -- connectorkit token)" http://127.0.0.1:7071/api/notes
\`\`\`

## Next steps

- Write your operations in \`functions/controllers/\` and their types in \`functions/models/\`; replace the notes
  example. Operations with \`@Security('entra', ['user_impersonation'])\` accept Entra ID tokens.
- \`npm run export\` writes the connector folder \`connector/\` at \`connector.level\` (\`platform\`: what a custom
  connector needs); \`npm run validate\` checks it offline. \`npm test\` builds, type-checks, exports and validates.
- For certification, set \`connector.level\` to \`certification\` in \`package.json\` "connectorkit" and add the
  metadata: \`api.contact\` (name, url, email), \`connector.publisher\`, \`connector.website\`,
  \`connector.privacyPolicy\`, \`connector.categories\` and \`connector.brandColor\`; \`npm run export\` names every
  key that is missing. \`deploy\` and \`up\` export at the same level.
- To run it in Azure, fill in \`infra/environments/dev.json\` (subscription, tenant, location, \`apim.publisherEmail\`),
  sign in (\`az login\`), then \`npm exec --no -- connectorkit up --env dev --plan\` and \`… up --env dev --yes\`: it creates
  the resources (\`provision\`) and deploys onto them in one plan.
`;
}

/** Every file of a new project. */
export function initFiles(o: InitFileOptions): Record<string, string> {
  return {
    'package.json': packageJson(o),
    'tsconfig.json': TSCONFIG,
    'host.json': HOST_JSON,
    '.gitignore': GITIGNORE,
    '.ci/run': CI_RUN,
    'README.md': readme(o.names),
    'functions/index.ts': INDEX_TS,
    'functions/models/note.ts': MODEL_TS,
    'functions/controllers/notes.ts': CONTROLLER_TS,
    'infra/environments/dev.json': devEnvironment(o.names),
  };
}
