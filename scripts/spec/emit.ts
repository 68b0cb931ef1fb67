/**
 * emitSpec: tsoa's SpecGenerator2 on the build's ONE metadata pass, then the Power Platform post-processing, then
 * deterministic key order. Pure: no I/O; the build writes `toJsonText(spec)` to dist/swagger.json.
 */
import type { ExtendedSpecConfig } from '@tsoa/cli';
import { CkError } from '../core/errors';
import type { ProjectConfig } from '../config';
import type { BuildMetadata } from '../metadata';
import { SPEC_CODES } from './codes';
import { finding, runLint, sortFindings } from './lint/index';
import { listOperations } from './operations';
import { postProcessOperation } from './post-process';
import { fixSchema, orderKeys } from './schema-fix';
import { securityDefinitionsFor } from './security';
import { applyTriggers } from './triggers';
import type { EmitSpecOptions, LintFinding, OperationRef, SpecResult, SwaggerSpec } from './types';

const ROOT_KEYS = ['swagger', 'info', 'host', 'basePath', 'schemes', 'consumes', 'produces', 'paths', 'definitions', 'parameters', 'responses', 'securityDefinitions', 'security', 'tags'];
const INFO_KEYS = ['title', 'description', 'version', 'termsOfService', 'contact', 'license'];
const NOTIFICATION_CONTENT = 'x-ms-notification-content';
const VERBS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

type Json = Record<string, unknown>;
/** An x-* key dropped beside a $ref, in an operation's schema or in a definition. */
interface Drop {
  key: string;
  where: string;
  op?: OperationRef;
  definition?: string;
}

/** Runs tsoa's generator with its console warnings muted: stages never print, and the lint reports the same things. */
function runTsoa(bm: BuildMetadata, securityDefinitions: Json, opts: EmitSpecOptions): Json {
  const config = {
    entryFile: '',
    outputDirectory: '',
    specVersion: 2,
    noImplicitAdditionalProperties: opts.noImplicitAdditionalProperties ?? 'throw-on-extras',
    securityDefinitions,
  } as unknown as ExtendedSpecConfig;
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    // Loaded here, not at the top: the build's cache-hit path loads this stage's index for its lint helpers only.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsoa loads only when a spec is emitted
    const { SpecGenerator2 } = require('@tsoa/cli/dist/swagger/specGenerator2') as typeof import('@tsoa/cli/dist/swagger/specGenerator2');
    return new SpecGenerator2(bm.metadata, config).GetSpec() as unknown as Json;
  } catch (e) {
    throw new CkError({ code: SPEC_CODES.CK_SPEC_EMIT_FAILED, message: `tsoa could not build the Swagger 2.0 spec: ${(e as Error).message}`, cause: e });
  } finally {
    console.warn = warn;
  }
}

const sortedObject = <T>(o: Record<string, T> | undefined): Record<string, T> => {
  const out: Record<string, T> = {};
  if (o) for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
};

/**
 * Emits the Power Platform-ready Swagger 2.0 spec from the build metadata.
 * @param bm the build's one metadata pass (never re-generated here)
 * @param api `config.api`: info, host, basePath, schemes, securityDefinitions
 * @returns the spec and every finding: lint (unless `opts.lint === false`) plus emit-time findings, sorted
 * @throws CkError CK_SPEC_EMIT_FAILED when tsoa itself refuses the metadata
 */
export function emitSpec(bm: BuildMetadata, api: ProjectConfig['api'], opts: EmitSpecOptions = {}): SpecResult {
  const operations = listOperations(bm);
  const findings: LintFinding[] = opts.lint === false ? [] : runLint(bm, operations);
  const securityDefinitions = securityDefinitionsFor(api, operations, findings);
  const raw = runTsoa(bm, securityDefinitions, opts);

  const definitions = sortedObject(raw.definitions as Record<string, Json> | undefined);
  const byRoute = new Map<string, OperationRef>();
  for (const op of operations) byRoute.set(`${op.verb} /${op.route}`, op);
  const drops: Drop[] = [];
  const paths: Record<string, Json> = {};
  const rawPaths = raw.paths as Record<string, Json>;
  for (const path of Object.keys(rawPaths).sort()) {
    const item: Json = {};
    for (const verb of VERBS) {
      const rawOp = rawPaths[path][verb] as Json | undefined;
      if (!rawOp) continue;
      const op = byRoute.get(`${verb} ${path}`);
      if (!op) throw new CkError({ code: 'CK_INTERNAL', message: `spec path ${verb} ${path} has no operation in the metadata` });
      item[verb] = postProcessOperation(
        rawOp,
        op,
        bm,
        definitions,
        (key, where) => drops.push({ key, where, op }),
        (o, param) =>
          findings.push(finding(o, SPEC_CODES.CK_SPEC_PARAM_EXTENSION_UNMATCHED, 'warning', `@ParamExtension on '${param}' of ${o.controller}.${o.method} has no Swagger parameter to go on`)),
      );
    }
    for (const verb of Object.keys(item)) {
      // x-ms-notification-content belongs on the path item (beside the webhook's post); tsoa can only put it on the operation.
      const op = item[verb] as Json;
      if (op[NOTIFICATION_CONTENT] !== undefined) {
        item[NOTIFICATION_CONTENT] = op[NOTIFICATION_CONTENT];
        delete op[NOTIFICATION_CONTENT];
      }
    }
    paths[path] = item;
  }
  applyTriggers(bm, operations, paths, definitions, findings);
  for (const [name, d] of Object.entries(definitions)) {
    fixSchema(d, name, { definitions, onDrop: (key, where) => drops.push({ key, where, definition: name }), inlining: new Set([name]) });
  }
  reportDrops(drops, paths, definitions, operations, findings);

  const info = orderKeys({ title: api.title, description: api.description || undefined, version: api.version, contact: contactOf(api.contact) }, INFO_KEYS);
  const rootExt: Json = {};
  if (opts.connectorMetadata) rootExt['x-ms-connector-metadata'] = opts.connectorMetadata;
  Object.assign(rootExt, opts.rootExtensions);
  const spec = orderKeys(
    {
      swagger: '2.0',
      info,
      host: api.host,
      basePath: api.basePath,
      schemes: [...api.schemes],
      consumes: ['application/json'],
      produces: ['application/json'],
      paths,
      definitions,
      securityDefinitions: Object.keys(securityDefinitions).length ? securityDefinitions : undefined,
      ...rootExt,
    },
    ROOT_KEYS,
  ) as SwaggerSpec;
  return { spec, findings: sortFindings(findings) };
}

function contactOf(c: ProjectConfig['api']['contact']): Json | undefined {
  if (!c) return undefined;
  const out = orderKeys({ name: c.name, url: c.url, email: c.email }, ['name', 'url', 'email']);
  return Object.keys(out).length ? out : undefined;
}

/**
 * Warns about x-* extensions dropped beside a $ref. A definition has no source location in tsoa's metadata, so the
 * warning points at the first operation (in paths order) whose schemas reach that definition.
 */
function reportDrops(drops: Drop[], paths: Record<string, Json>, definitions: Record<string, Json>, operations: OperationRef[], findings: LintFinding[]): void {
  if (!drops.length) return;
  const refsOf = (v: unknown) => [...JSON.stringify(v).matchAll(/"#\/definitions\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
  const firstUser = new Map<string, OperationRef>();
  const byId = new Map(operations.map((o) => [o.operationId, o]));
  for (const item of Object.values(paths)) {
    for (const opObj of Object.values(item) as Json[]) {
      const op = byId.get(String(opObj.operationId));
      if (!op) continue;
      const stack = refsOf([opObj.parameters, opObj.responses]);
      while (stack.length) {
        const name = stack.pop()!;
        if (firstUser.has(name)) continue;
        firstUser.set(name, op);
        stack.push(...refsOf(definitions[name] ?? null));
      }
    }
  }
  for (const d of drops) {
    const op = d.op ?? (d.definition ? firstUser.get(d.definition) : undefined);
    if (!op) continue; // an unused definition: nothing the connector shows
    findings.push(finding(op, SPEC_CODES.CK_SPEC_REF_SIBLING_DROPPED, 'warning', `'${d.key}' beside a $ref at ${d.where} was dropped (Power Platform forbids siblings of $ref)`));
  }
}
