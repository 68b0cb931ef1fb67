/**
 * The Graph double's `applications/{id}/federatedIdentityCredentials` (list, get, create, update, delete) with the
 * rules Microsoft Graph v1.0 documents for the federatedIdentityCredential resource (see graph-double.md).
 */
import { randomUUID } from 'node:crypto';
import type { DoubleResponse } from './double-server';

export interface GraphFederatedCredential {
  id: string;
  name: string;
  issuer: string;
  subject: string;
  audiences: string[];
  description: string | null;
}

type Err = (status: number, code: string, message: string) => DoubleResponse;

const WRITABLE = new Set(['name', 'issuer', 'subject', 'audiences', 'description']);
const MAX_PER_APP = 20;

/** Checks a create or PATCH body against the resource's rules; returns the error answer, or undefined. */
function check(list: GraphFederatedCredential[], cur: GraphFederatedCredential | undefined, body: Record<string, unknown>, err: Err): DoubleResponse | undefined {
  for (const k of Object.keys(body)) {
    if (k.startsWith('@odata.')) continue;
    if (!WRITABLE.has(k)) return err(400, 'Request_BadRequest', `Property '${k}' does not exist on type 'microsoft.graph.federatedIdentityCredential' or is read-only.`);
  }
  const next = { ...cur, ...body } as Record<string, unknown>;
  for (const k of ['name', 'issuer', 'subject']) {
    const v = next[k];
    if (typeof v !== 'string' || !v) return err(400, 'Request_BadRequest', `A value is required for property '${k}' of resource 'federatedIdentityCredential'.`);
    if (v.length > (k === 'name' ? 120 : 600)) return err(400, 'Request_BadRequest', `Property '${k}' is too long (limit ${k === 'name' ? 120 : 600} characters).`);
  }
  if (cur && body.name !== undefined && body.name !== cur.name) return err(400, 'Request_BadRequest', 'Property name is immutable once the federated identity credential is created.');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(next.name as string)) return err(400, 'Request_BadRequest', `Federated identity credential name '${String(next.name)}' is not URL friendly.`);
  if (!/^https:\/\/[^\s]+$/.test(next.issuer as string)) return err(400, 'Request_BadRequest', `Issuer '${String(next.issuer)}' must be an https URL.`);
  const aud = next.audiences;
  if (!Array.isArray(aud) || aud.length !== 1 || typeof aud[0] !== 'string' || !aud[0] || aud[0].length > 600)
    return err(400, 'Request_BadRequest', 'Property audiences must hold exactly one value of at most 600 characters.');
  if (next.description !== undefined && next.description !== null && (typeof next.description !== 'string' || next.description.length > 600))
    return err(400, 'Request_BadRequest', 'Property description must be a string of at most 600 characters.');
  const others = list.filter((f) => f !== cur);
  if (!cur && others.some((f) => f.name === next.name))
    return err(409, 'Request_MultipleObjectsWithSameKeyValue', `A federated identity credential named '${String(next.name)}' already exists on the application.`);
  if (others.some((f) => f.issuer === next.issuer && f.subject === next.subject))
    return err(409, 'Request_MultipleObjectsWithSameKeyValue', 'The combination of issuer and subject must be unique within the application.');
  if (!cur && others.length >= MAX_PER_APP) return err(400, 'Request_BadRequest', `An application can have at most ${MAX_PER_APP} federated identity credentials.`);
  return undefined;
}

/**
 * Routes `<rest>` (what follows `applications/{id}/federatedIdentityCredentials`) for one app's list. Returns
 * undefined for methods the resource does not have (the kernel then records a violation).
 */
export function federatedCredentialRoute(
  list: GraphFederatedCredential[],
  method: string,
  rest: string,
  body: Record<string, unknown>,
  filter: string | null,
  context: string,
  err: Err,
): DoubleResponse | undefined {
  if (rest === '') {
    if (method === 'GET') {
      let value = list;
      if (filter) {
        const m = /^\s*(name|subject|issuer)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
        if (!m) return err(400, 'Request_UnsupportedQuery', `Unsupported query: ${filter}`);
        value = list.filter((f) => f[m[1] as 'name'] === m[2]!.replace(/''/g, "'"));
      }
      return { status: 200, body: { '@odata.context': context, value } };
    }
    if (method === 'POST') {
      const bad = check(list, undefined, body, err);
      if (bad) return bad;
      const fic: GraphFederatedCredential = {
        id: randomUUID(),
        name: body.name as string,
        issuer: body.issuer as string,
        subject: body.subject as string,
        audiences: [...(body.audiences as string[])],
        description: (body.description as string | undefined) ?? null,
      };
      list.push(fic);
      return { status: 201, body: { '@odata.context': `${context}/$entity`, ...fic } };
    }
    return undefined;
  }
  // `/{id}` or the alternate key `(name='…')`.
  const alt = /^\(name='((?:[^']|'')*)'\)$/.exec(rest);
  const key = alt ? alt[1]!.replace(/''/g, "'") : /^\/([^/]+)$/.exec(rest)?.[1];
  if (key === undefined) return undefined;
  const cur = list.find((f) => (alt ? f.name === key : f.id === key || f.name === key));
  if (!cur) return err(404, 'Request_ResourceNotFound', `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`);
  if (method === 'GET') return { status: 200, body: { '@odata.context': `${context}/$entity`, ...cur } };
  if (method === 'PATCH') {
    const bad = check(list, cur, body, err);
    if (bad) return bad;
    for (const k of WRITABLE) if (k in body) (cur as unknown as Record<string, unknown>)[k] = body[k];
    return { status: 204 };
  }
  if (method === 'DELETE') {
    list.splice(list.indexOf(cur), 1);
    return { status: 204 };
  }
  return undefined;
}
