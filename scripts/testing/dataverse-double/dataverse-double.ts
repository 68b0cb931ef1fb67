/**
 * A loopback Dataverse Web API (v9.2) for the calls `connectorkit publish` makes: WhoAmI, the `solutions` table
 * (read) and the `connector` table (read, create, update, delete; solution-aware through MSCRM.SolutionUniqueName).
 * Behaviour, error bodies and faults are specified in dataverse-double.md; the columns come from Microsoft's page.
 */
import { randomUUID } from 'node:crypto';
import { seededRandom } from '../doubles-common/faults';
import { startDoubleServer, jwtPayload, type DoubleServer, type DoubleRequest, type DoubleResponse } from '../graph-double/double-server';
import { connectorColumns } from './connector-columns';
import { blankSecrets, checkConnectorWrite, newInternalId } from './connector-rules';
import { matchesFilter, parseQuery, project, QueryError, type Row } from './odata';

export interface DataverseSolution {
  solutionid: string;
  uniquename: string;
  friendlyname: string;
  ismanaged: boolean;
}

export interface DataverseDoubleOptions {
  /** Client (application) ids with an application user in the environment; tokens of anyone else get 403. */
  applicationUsers: string[];
  /** Solutions that exist (unmanaged unless `ismanaged`). */
  solutions?: Array<{ uniquename: string; ismanaged?: boolean }>;
}

export interface DataverseDouble extends DoubleServer {
  state: {
    connectors: Row[];
    solutions: DataverseSolution[];
    solutionComponents: Array<{ solution: string; connectorid: string }>;
    /**
     * The OAuth client secrets the platform keeps out of the row (never readable through the Web API), by connector
     * id and connection parameter: what the latest write that carried one sent. Tests read it; no route does.
     */
    secretStore: Record<string, Record<string, string>>;
  };
  /** Someone else saves the row (a maker in the portal): its version, hence its ETag, changes. */
  concurrentEdit(connectorid: string, changes?: Row): void;
  /** On `rate` of PATCH requests, a concurrent edit happens just before the request is handled (seeded). */
  setConcurrentEditRate(rate: number, seed?: number): void;
  /** The next `times` PATCH requests each meet a concurrent edit just before they are handled. */
  concurrentEditBeforeNextPatch(times?: number): void;
}

const API = '/api/data/v9.2/';
const SOLUTION_COLUMNS = new Set(['solutionid', 'uniquename', 'friendlyname', 'ismanaged', 'version']);

/** The Web API error body: `{"error":{"code":"0x…","message"}}`. */
const fail = (status: number, code: string, message: string): DoubleResponse => ({ status, body: { error: { code, message } } });
const notFound = (id: string) => fail(404, '0x80040217', `connector With Id = ${id} Does Not Exist`);

/** Kernel faults keep the Dataverse body: 429 is the service-protection error (requests per 5-minute window). */
function shape(status: number, code: string, message: string): unknown {
  if (status === 429) return { error: { code: '0x80072322', message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.' } };
  if (code === 'UnmatchedRequest') return { error: { code: '0x80060888', message: `${message} (not implemented by the Dataverse double)` } };
  return { error: { code: status >= 500 ? '0x80040216' : '0x80040203', message } };
}

export async function startDataverseDouble(opts: DataverseDoubleOptions): Promise<DataverseDouble> {
  const columns = connectorColumns();
  const readable = new Set([...columns.keys()]);
  const state: DataverseDouble['state'] = {
    connectors: [],
    solutions: (opts.solutions ?? []).map((s) => ({ solutionid: randomUUID(), uniquename: s.uniquename, friendlyname: s.uniquename, ismanaged: s.ismanaged === true })),
    solutionComponents: [],
    secretStore: {},
  };
  const keepSecrets = (id: string, taken: Record<string, string>) => {
    if (Object.keys(taken).length) state.secretStore[id] = { ...state.secretStore[id], ...taken };
  };
  let version = 1000;
  let editRate = 0;
  let editRnd = seededRandom(1);
  let editNext = 0;
  const etag = (r: Row) => `W/"${String(r.versionnumber)}"`;
  const bump = (r: Row) => Object.assign(r, { versionnumber: ++version, modifiedon: new Date().toISOString() });
  const concurrentEdit = (id: string, changes: Row = {}) => {
    const row = state.connectors.find((c) => c.connectorid === id);
    if (row) bump(Object.assign(row, changes));
  };

  /** The MSCRM.SolutionUniqueName header: the solution must exist and be unmanaged (optional-parameters.md). */
  const solutionOf = (req: DoubleRequest): { name?: string; error?: DoubleResponse } => {
    const name = req.headers['mscrm.solutionuniquename'];
    if (name === undefined) return {};
    const s = state.solutions.find((x) => x.uniquename.toLowerCase() === String(name).toLowerCase());
    if (!s) return { error: fail(404, '0x80040217', `solution With UniqueName = ${String(name)} Does Not Exist`) };
    if (s.ismanaged) return { error: fail(400, '0x80048033', `Cannot add a component to the managed solution ${s.uniquename}.`) };
    return { name: s.uniquename };
  };
  const addToSolution = (solution: string | undefined, id: string) => {
    if (solution && !state.solutionComponents.some((c) => c.solution === solution && c.connectorid === id)) state.solutionComponents.push({ solution, connectorid: id });
  };

  const create = (req: DoubleRequest, body: Row, base: string, forcedId?: string): DoubleResponse => {
    const sol = solutionOf(req);
    if (sol.error) return sol.error;
    const bad = checkConnectorWrite(body, true);
    if (bad) return fail(bad.status, bad.code, bad.message);
    // GUIDs are case-insensitive: one spelling for the row, its solution membership and its secrets.
    const id = (forcedId ?? (body.connectorid as string | undefined) ?? randomUUID()).toLowerCase();
    if (state.connectors.some((c) => String(c.connectorid).toLowerCase() === id.toLowerCase())) return fail(412, '0x80040237', 'A record with matching key values already exists.');
    if (state.connectors.some((c) => String(c.name).toLowerCase() === String(body.name).toLowerCase()))
      return fail(412, '0x80040237', `A connector with the name ${String(body.name)} already exists.`);
    const now = new Date().toISOString();
    const row: Row = { ...Object.fromEntries([...readable].map((c) => [c, null])), ...body, connectorid: id, statecode: 0, statuscode: 1, createdon: now };
    row.connectorinternalid ??= newInternalId(String(body.name), randomUUID());
    keepSecrets(id, blankSecrets(row));
    bump(row);
    state.connectors.push(row);
    addToSolution(sol.name, id);
    const entityId = `${base}${API}connectors(${id})`;
    if (/return=representation/.test(String(req.headers.prefer ?? ''))) {
      const q = parseQuery(req.url.searchParams, readable, 'connector');
      return { status: 201, headers: { 'odata-entityid': entityId, etag: etag(row) }, body: { '@odata.context': `${base}${API}$metadata#connectors/$entity`, ...project(row, q.select, etag(row)) } };
    }
    return { status: 204, headers: { 'odata-entityid': entityId, 'odata-version': '4.0' } };
  };

  const route = async (req: DoubleRequest): Promise<DoubleResponse | undefined> => {
    if (!req.url.pathname.startsWith(API)) return undefined;
    const base = `https://127.0.0.1:${server.port}`;
    const claims = /^Bearer /.test(String(req.headers.authorization ?? '')) ? jwtPayload(String(req.headers.authorization).slice(7)) : undefined;
    if (!claims) return fail(401, '0x80072560', 'Authentication failed: the request has no bearer token.');
    if (String(claims.aud).replace(/\/+$/, '') !== base) return fail(401, '0x80072560', `The token audience '${String(claims.aud)}' is not this environment (${base}).`);
    const who = String(claims.appid ?? claims.azp ?? claims.oid ?? '');
    if (!opts.applicationUsers.includes(who)) return fail(403, '0x80072560', `The user is not a member of the organization. (No application user for application ${who}.)`);
    let body: Row = {};
    if (req.body) {
      try {
        body = JSON.parse(req.body) as Row;
      } catch {
        return fail(400, '0x80040203', 'The request body is not valid JSON.');
      }
    }
    const seg = decodeURIComponent(req.url.pathname.slice(API.length));
    try {
      if (seg === 'WhoAmI' && req.method === 'GET') {
        return {
          status: 200,
          body: {
            '@odata.context': `${base}${API}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
            BusinessUnitId: '00000000-0000-4000-8000-0000000000b0',
            UserId: `00000000-0000-4000-8000-${who.replace(/-/g, '').slice(0, 12).padEnd(12, '0')}`,
            OrganizationId: '00000000-0000-4000-8000-00000000000a',
          },
        };
      }
      if (seg === 'solutions' && req.method === 'GET') {
        const q = parseQuery(req.url.searchParams, SOLUTION_COLUMNS, 'solution');
        const value = state.solutions.filter((s) => matchesFilter(s as unknown as Row, q.filter)).map((s) => project(s as unknown as Row, q.select, 'W/"1"'));
        return { status: 200, body: { '@odata.context': `${base}${API}$metadata#solutions`, value } };
      }
      if (seg === 'connectors' && req.method === 'GET') {
        const q = parseQuery(req.url.searchParams, readable, 'connector');
        const value = state.connectors.filter((r) => matchesFilter(r, q.filter)).map((r) => project(r, q.select, etag(r)));
        return { status: 200, body: { '@odata.context': `${base}${API}$metadata#connectors`, value } };
      }
      if (seg === 'connectors' && req.method === 'POST') return create(req, body, base);
      const one = /^connectors\(([0-9a-fA-F-]{36})\)$/.exec(seg);
      if (!one) return undefined;
      const id = one[1]!.toLowerCase();
      const row = state.connectors.find((c) => String(c.connectorid).toLowerCase() === id);
      const ifMatch = req.headers['if-match'];
      if (req.method === 'GET') {
        if (!row) return notFound(id);
        const q = parseQuery(req.url.searchParams, readable, 'connector');
        if (req.headers['if-none-match'] === etag(row)) return { status: 304 };
        return { status: 200, headers: { etag: etag(row) }, body: { '@odata.context': `${base}${API}$metadata#connectors/$entity`, ...project(row, q.select, etag(row)) } };
      }
      if (req.method === 'PATCH') {
        // Without If-Match a PATCH is an upsert (update-delete-entities-using-web-api.md): it creates a missing row.
        if (!row && ifMatch === undefined) return create(req, body, base, id);
        if (!row) return notFound(id);
        if (editNext > 0 || (editRate > 0 && editRnd() < editRate)) {
          editNext = Math.max(0, editNext - 1);
          concurrentEdit(id);
        }
        if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etag(row)) return fail(412, '0x80060882', "The version of the existing record doesn't match the RowVersion property provided.");
        const sol = solutionOf(req);
        if (sol.error) return sol.error;
        const bad = checkConnectorWrite(body, false);
        if (bad) return fail(bad.status, bad.code, bad.message);
        Object.assign(row, body);
        keepSecrets(id, blankSecrets(row));
        bump(row);
        addToSolution(sol.name, id);
        return { status: 204, headers: { 'odata-entityid': `${base}${API}connectors(${id})` } };
      }
      if (req.method === 'DELETE') {
        if (!row) return notFound(id);
        if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etag(row)) return fail(412, '0x80060882', "The version of the existing record doesn't match the RowVersion property provided.");
        state.connectors.splice(state.connectors.indexOf(row), 1);
        state.solutionComponents = state.solutionComponents.filter((c) => c.connectorid !== id);
        delete state.secretStore[id];
        return { status: 204 };
      }
      return undefined;
    } catch (e) {
      if (e instanceof QueryError && !e.unsupported) return fail(400, '0x80060888', e.message);
      if (e instanceof QueryError) return undefined;
      throw e;
    }
  };

  const server = await startDoubleServer(route, shape);
  return {
    ...server,
    state,
    concurrentEdit,
    concurrentEditBeforeNextPatch: (times = 1) => {
      editNext = times;
    },
    setConcurrentEditRate: (rate, seed = 1) => {
      editRate = rate;
      editRnd = seededRandom(seed);
    },
  };
}
