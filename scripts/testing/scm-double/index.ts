/**
 * The SCM (Kudu) double: Flex Consumption one-deploy (`POST /api/publish`), Kudu zip deploy
 * (`POST /api/zipdeploy[?isAsync=true]`) and deployment status (`/api/deployments[/latest|/{id}]`, status 0–4).
 * Any Host header is accepted, so a deployer reaches it through an explicit SCM base URL. Behaviour: scm-double.md.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { BearerOptions, DoubleRequest, DoubleResponse, FaultKind, FaultSpec, LoggedDouble } from '../doubles-common';
import { checkBearer, decideFault, dropIfAfterWrite, FaultInjector, startLoggedDouble } from '../doubles-common';
import { packageProblems, zipEntries } from './zip-check';

/** Options of `startScmDouble`. */
export interface ScmDoubleOptions {
  /** The app is on Flex Consumption (default true): /api/zipdeploy is refused there. */
  flex?: boolean;
  /** Site name reported in deployment records (default `func-app`). */
  siteName?: string;
  /** Bearer check (audience defaults to ARM, as for real SCM with Entra tokens). */
  auth?: BearerOptions;
  /** Also accept HTTP Basic with these publishing credentials. */
  basicAuth?: { user: string; password: string };
  /** Polls answered "in progress" before a deployment completes (default 1). */
  deployPolls?: number;
  faults?: FaultSpec[];
  /** Added latency per request in ms (for benches; default 0). */
  latencyMs?: number;
}

/** Kudu DeployStatus. */
export const DEPLOY_STATUS = { Pending: 0, Building: 1, Deploying: 2, Failed: 3, Success: 4 } as const;

/** A deployment record as Kudu returns it. */
export interface ScmDeployment {
  id: string;
  status: number;
  status_text: string;
  author: string;
  author_email: string;
  deployer: string;
  message: string;
  progress: string;
  received_time: string;
  start_time: string;
  end_time: string | null;
  last_success_end_time: string | null;
  complete: boolean;
  active: boolean;
  is_temp: boolean;
  is_readonly: boolean;
  url: string;
  log_url: string;
  site_name: string;
}

/** One line of the request log. */
export interface ScmLogEntry {
  method: string;
  path: string;
  host?: string;
  status: number;
  write: boolean;
  fault?: FaultKind;
}

/** A running SCM double; `writes()` counts deployment POSTs. */
export interface ScmDouble extends LoggedDouble<ScmLogEntry, { method: string; url: string; problems: string[] }> {
  /** All deployments, oldest first. */
  deployments: ScmDeployment[];
  /** The package currently live (after the last successful deployment). */
  current(): { sha256: string; files: string[]; deploymentId: string; message: string } | undefined;
  reset(): void;
}

const NOT_ON_FLEX = "This API isn't available in this environment yet!";

/** Starts the SCM double. */
export async function startScmDouble(options: ScmDoubleOptions = {}): Promise<ScmDouble> {
  const flex = options.flex ?? true;
  const site = options.siteName ?? 'func-app';
  const faults = new FaultInjector(options.faults);
  const requests: ScmLogEntry[] = [];
  const violations: ScmDouble['violations'] = [];
  const deployments: ScmDeployment[] = [];
  const pending = new Map<string, { polls: number; fail: boolean; sha256: string; files: string[] }>();
  let current: ReturnType<ScmDouble['current']>;
  let base = '';

  const text = (status: number, body: string, headers: Record<string, string> = {}): DoubleResponse => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body });

  const finish = (d: ScmDeployment) => {
    const p = pending.get(d.id);
    if (!p) return;
    pending.delete(d.id);
    const now = new Date().toISOString();
    Object.assign(d, { complete: true, end_time: now, progress: '' });
    if (p.fail) Object.assign(d, { status: DEPLOY_STATUS.Failed, status_text: 'Deployment failed (injected fault); the previous package is still live.' });
    else {
      for (const o of deployments) o.active = false;
      Object.assign(d, { status: DEPLOY_STATUS.Success, status_text: 'Deployment successful.', active: true, last_success_end_time: now });
      current = { sha256: p.sha256, files: p.files, deploymentId: d.id, message: d.message };
    }
  };

  const authorised = async (req: DoubleRequest): Promise<string | undefined> => {
    const h = req.headers.authorization ?? '';
    if (options.basicAuth && /^Basic /i.test(h)) {
      const [u, ...pw] = Buffer.from(h.slice(6), 'base64').toString('utf8').split(':');
      return u === options.basicAuth.user && pw.join(':') === options.basicAuth.password ? undefined : 'bad publishing credentials';
    }
    const r = await checkBearer(h || undefined, options.auth);
    return r.ok ? undefined : r.message;
  };

  const deploy = async (req: DoubleRequest, kind: 'publish' | 'zipdeploy', fail: boolean): Promise<DoubleResponse> => {
    const url = req.url.toString();
    if (kind === 'zipdeploy' && flex) return text(404, NOT_ON_FLEX);
    const ct = (req.headers['content-type'] ?? '').toLowerCase();
    if (!/application\/(zip|octet-stream|x-zip-compressed)/.test(ct)) return text(415, `Unsupported content type '${ct}'; send application/zip.`);
    let names: string[];
    try {
      names = await zipEntries(req.raw);
    } catch (e) {
      violations.push({ method: req.method, url, problems: [`body is not a zip: ${(e as Error).message}`] });
      return text(400, 'The request body is not a valid zip archive.');
    }
    const problems = packageProblems(names);
    if (problems.length) {
      violations.push({ method: req.method, url, problems });
      return text(400, problems.join('; '));
    }
    const running = deployments.find((d) => !d.complete);
    if (running) {
      finish(running); // Kudu lets the running one finish; the caller retries
      return text(409, 'There is a deployment currently in progress. Please try again when it completes.');
    }
    const q = req.url.searchParams;
    const id = randomUUID().replace(/-/g, '');
    const now = new Date().toISOString();
    const d: ScmDeployment = {
      id,
      status: DEPLOY_STATUS.Pending,
      status_text: 'Receiving changes.',
      author: 'N/A',
      author_email: 'N/A',
      deployer: q.get('Deployer') ?? q.get('deployer') ?? (kind === 'publish' ? 'OneDeploy' : 'Push-Deployer'),
      message: q.get('message') ?? 'Created via a push deployment',
      progress: '',
      received_time: now,
      start_time: now,
      end_time: null,
      last_success_end_time: null,
      complete: false,
      active: false,
      is_temp: false,
      is_readonly: true,
      url: `${base}/api/deployments/${id}`,
      log_url: `${base}/api/deployments/${id}/log`,
      site_name: site,
    };
    deployments.push(d);
    pending.set(id, { polls: 0, fail, sha256: createHash('sha256').update(req.raw).digest('hex'), files: names.sort() });
    const isAsync = kind === 'publish' || /^true$/i.test(q.get('isAsync') ?? '');
    if (!isAsync) {
      finish(d);
      return d.status === DEPLOY_STATUS.Success ? { status: 200 } : text(500, d.status_text);
    }
    const location = kind === 'publish' ? `${base}/api/deployments/${id}` : `${base}/api/deployments/latest?deployer=${encodeURIComponent(d.deployer)}&time=${encodeURIComponent(now)}`;
    return { status: 202, headers: { location, 'scm-deployment-id': id }, body: { ...d } };
  };

  const status = (d: ScmDeployment | undefined): DoubleResponse => {
    if (!d) return text(404, 'Deployment not found.');
    const p = pending.get(d.id);
    if (p && ++p.polls > (options.deployPolls ?? 1)) finish(d);
    else if (p) Object.assign(d, { status: DEPLOY_STATUS.Building, status_text: 'Building and deploying.', progress: 'Running deployment command...' });
    return { status: d.complete ? 200 : 202, body: { ...d } };
  };

  const handle = async (req: DoubleRequest, log: ScmLogEntry): Promise<DoubleResponse> => {
    const p = req.url.pathname.replace(/\/+$/, '').toLowerCase();
    const key = `${req.method} ${p.startsWith('/api/deployments/') && p !== '/api/deployments/latest' ? '/api/deployments/{id}' : p}`;
    const known = ['POST /api/publish', 'POST /api/zipdeploy', 'GET /api/deployments', 'GET /api/deployments/latest', 'GET /api/deployments/{id}'];
    if (!known.includes(key)) {
      violations.push({ method: req.method, url: req.url.toString(), problems: ['no SCM double route'] });
      return text(404, `SCM double: no route for ${req.method} ${req.url.toString()}`);
    }
    const denied = await authorised(req);
    if (denied) return text(401, `Unauthorized: ${denied}`, { 'www-authenticate': 'Bearer' });
    const eligible = new Set<FaultKind>(['throttle', 'serverError', 'unavailable', 'drop']);
    if (log.write) ['conflict', 'lroFailed', 'dropAfterWrite'].forEach((k) => eligible.add(k as FaultKind));
    const fault = decideFault(faults, req, log, eligible);
    const ra = { 'retry-after': String(fault?.retryAfterSeconds ?? 0) };
    switch (fault?.kind) {
      case 'throttle':
        return text(429, 'Too many requests (injected fault).', ra);
      case 'serverError':
        return text(500, 'Internal server error (injected fault).');
      case 'unavailable':
        return text(503, 'Service unavailable (injected fault).', ra);
      case 'conflict':
        return text(409, 'There is a deployment currently in progress (injected fault).');
      case 'drop':
        return { status: 0, drop: true };
      default:
        break;
    }
    let res: DoubleResponse;
    if (key === 'POST /api/publish') res = await deploy(req, 'publish', fault?.kind === 'lroFailed');
    else if (key === 'POST /api/zipdeploy') res = await deploy(req, 'zipdeploy', fault?.kind === 'lroFailed');
    else if (key === 'GET /api/deployments') res = { status: 200, body: [...deployments].reverse() };
    else if (key === 'GET /api/deployments/latest') res = status(deployments[deployments.length - 1]);
    else res = status(deployments.find((d) => d.id === req.url.pathname.split('/').pop()));
    return dropIfAfterWrite(res, fault);
  };

  const entry = (req: DoubleRequest): ScmLogEntry => ({ method: req.method, path: req.url.pathname, host: req.headers.host, status: 0, write: req.method === 'POST' });
  const double = await startLoggedDouble({ faults, requests, violations, entry, latencyMs: () => options.latencyMs ?? 0, handle });
  base = double.url;

  return {
    ...double,
    deployments,
    current: () => (current ? { ...current, files: [...current.files] } : undefined),
    reset: () => {
      requests.length = 0;
      violations.length = 0;
      deployments.length = 0;
      pending.clear();
      faults.clear();
      current = undefined;
    },
  };
}
