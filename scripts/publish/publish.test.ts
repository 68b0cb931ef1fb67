/**
 * `publish` against the Dataverse, Graph and token doubles: first publish, zero-write re-run, one-column update,
 * breaking change against the live definition, concurrent edits (412) and service protection (429), coded failures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { catchCkError } from '../testing/catch-ck-error';
import { secretsInFiles } from '../testing/deploy-harness';
import { CONNECTOR_SECRET, publishOptions, recordedPublish, startPublishDoubles, SOLUTION, type PublishDoubles } from '../testing/publish-harness';

describe('connectorkit publish (Dataverse Web API)', () => {
  let d: PublishDoubles;
  const sink: string[] = [];
  beforeAll(async () => {
    d = await startPublishDoubles();
  });
  afterAll(async () => {
    try {
      const all = sink.join('\n');
      for (const s of d.secrets()) expect(all).not.toContain(s);
      expect(secretsInFiles(d.root, d.secrets())).toEqual([]);
    } finally {
      await d?.close();
    }
  });
  afterEach(() => expect(d.violations()).toEqual([]));

  const defFile = () => path.join(d.root, 'connector/apiDefinition.swagger.json');
  const editDefinition = (edit: (def: any) => void) => {
    const def = JSON.parse(readFileSync(defFile(), 'utf8'));
    edit(def);
    writeFileSync(defFile(), JSON.stringify(def, null, 2));
  };

  it('plans a create with every column, then creates the row in the solution and adds the redirect URI with the id Dataverse assigned', async () => {
    const plan = await recordedPublish(publishOptions(d.root, true), sink);
    expect(d.writes()).toEqual({ dataverse: 0, graph: 0 });
    expect(plan.changes.map((c) => [c.resource, c.action])).toEqual([
      [`connector ck_employeedirectory in solution ${SOLUTION}`, 'create'],
      [`redirect URI on Entra app ${d.connectorAppId}`, 'update'],
    ]);
    expect(plan.changes[0]!.diff!.map((x) => x.path)).toEqual(['displayname', 'description', 'openapidefinition', 'connectionparameters', 'policytemplateinstances', 'iconblob', 'iconbrandcolor']);

    const r = await recordedPublish(publishOptions(d.root, false), sink);
    expect(d.dv.state.connectors).toHaveLength(1);
    const row = d.dv.state.connectors[0]!;
    const folder = path.join(d.root, 'connector');
    const def = JSON.parse(readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8'));
    const props = JSON.parse(readFileSync(path.join(folder, 'apiProperties.json'), 'utf8')).properties;
    expect(row).toMatchObject({
      name: 'ck_employeedirectory',
      connectortype: 1,
      displayname: def.info.title,
      description: def.info.description,
      iconbrandcolor: props.iconBrandColor,
      capabilities: null,
    });
    expect(JSON.parse(String(row.openapidefinition))).toEqual(def);
    expect(JSON.parse(String(row.policytemplateinstances))).toEqual([]);
    expect(row.iconblob).toBe(readFileSync(path.join(folder, 'icon.png')).toString('base64'));
    // Sent with the connection parameters, blanked by Dataverse (it never stores connector secrets).
    const params = JSON.parse(String(row.connectionparameters));
    expect(params.token.oAuthSettings).toMatchObject({ clientId: d.connectorAppId, clientSecret: '' });
    expect(d.dv.state.solutionComponents).toEqual([{ solution: SOLUTION, connectorid: row.connectorid }]);
    const internalId = String(row.connectorinternalid);
    expect(internalId).toMatch(/^[a-z0-9-]+$/);
    expect(r.connector).toMatchObject({ internalId, redirectUri: `https://global.consent.azure-apim.net/redirect/${internalId}` });
    const app = d.graph.state.applications.find((a) => a.appId === d.connectorAppId)!;
    expect(app.web.redirectUris).toEqual(['https://global.consent.azure-apim.net/redirect', `https://global.consent.azure-apim.net/redirect/${internalId}`]);
    expect(r.summary).toMatchObject({ create: 1, update: 1 });
  });

  it('a second publish with nothing changed makes zero writes in Dataverse and Graph', async () => {
    const before = d.writes();
    const r = await recordedPublish(publishOptions(d.root, false), sink);
    expect(r.changes.map((c) => c.action)).toEqual(['no-op', 'no-op']);
    expect(d.writes()).toEqual(before);
  });

  it('a changed operation is one update of the definition column only', async () => {
    editDefinition((def) => (def.paths['/departments'].get.summary = 'List every department'));
    const before = d.writes();
    const plan = await recordedPublish(publishOptions(d.root, true), sink);
    expect(plan.changes.map((c) => [c.action, c.diff?.map((x) => x.path)])).toEqual([
      ['update', ['openapidefinition']],
      ['no-op', undefined],
    ]);
    const r = await recordedPublish(publishOptions(d.root, false), sink);
    expect(r.summary).toMatchObject({ update: 1, 'no-op': 1 });
    expect(d.writes()).toEqual({ dataverse: before.dataverse + 1, graph: before.graph });
    expect(JSON.parse(String(d.dv.state.connectors[0]!.openapidefinition)).paths['/departments'].get.summary).toBe('List every department');
  });

  it('a removed operation is blocked as breaking against the live definition unless --allow-breaking', async () => {
    editDefinition((def) => delete def.paths['/me']);
    const before = d.writes();
    const plan = await recordedPublish(publishOptions(d.root, true), sink);
    expect(plan.breaking).toEqual(['GetMe: operation-deleted']);
    const e = await catchCkError(() => recordedPublish(publishOptions(d.root, false), sink));
    expect(e.code).toBe('CK_PUBLISH_BREAKING');
    expect(e.details?.[0]).toMatchObject({ target: 'operation/GetMe' });
    expect(d.writes()).toEqual(before);
    await recordedPublish(publishOptions(d.root, false, { allowBreaking: true }), sink);
    expect(JSON.parse(String(d.dv.state.connectors[0]!.openapidefinition)).paths['/me']).toBeUndefined();
  });

  it('a concurrent edit (412) and service-protection 429s are retried and re-planned', async () => {
    editDefinition((def) => (def.info.description = `${def.info.description} Now with more departments.`));
    d.dv.inject({ kind: '429', match: /^PATCH /, retryAfter: 0 });
    d.dv.inject({ kind: '429', match: /^GET .*connectors$/, retryAfter: 0 });
    // A maker saves the connector between our read and our write: the If-Match fails once, the step re-reads.
    d.dv.concurrentEditBeforeNextPatch(1);
    const edited = d.dv.state.connectors[0]!;
    const patches0 = d.dv.requests.filter((q) => q.method === 'PATCH').length;
    const r = await recordedPublish(publishOptions(d.root, false, { allowBreaking: true }), sink);
    expect(r.retries).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(String(edited.openapidefinition)).info.description).toMatch(/Now with more departments\.$/);
    expect(
      d.dv.requests
        .filter((q) => q.method === 'PATCH')
        .slice(patches0)
        .map((q) => q.status),
    ).toEqual([429, 412, 204]);
    expect(d.dv.state.connectors).toHaveLength(1);
  });

  it('the connector secret never reaches output or files', () => {
    expect(sink.join('\n')).not.toContain(CONNECTOR_SECRET);
  });
});
