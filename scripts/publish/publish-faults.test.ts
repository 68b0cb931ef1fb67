/**
 * Publish under faults and misconfiguration: 20 publishes at a 20% fault rate (429 service protection, 5xx, dropped
 * connections before and after the write, concurrent edits) converge with exactly one connector row and one redirect
 * URI; each setup mistake fails before any write with its own code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { catchCkError } from '../testing/catch-ck-error';
import { envJson, publishOptions, recordedPublish, startPublishDoubles, type PublishDoubles } from '../testing/publish-harness';

const KINDS = ['429', '500', '503', 'drop', 'drop-after-commit'] as const;

describe('publish fault soak', () => {
  let d: PublishDoubles;
  const sink: string[] = [];
  beforeAll(async () => {
    d = await startPublishDoubles();
  });
  afterAll(async () => {
    for (const s of d.secrets()) expect(sink.join('\n')).not.toContain(s);
    await d?.close();
  });

  it('20 publishes at a 20% fault rate converge with exactly one connector row', async () => {
    let failures = 0;
    for (let i = 0; i < 20; i++) {
      if (i % 5 === 4) {
        // A changed definition now and then, so updates run under faults too.
        const f = path.join(d.root, 'connector/apiDefinition.swagger.json');
        const def = JSON.parse(readFileSync(f, 'utf8'));
        def.info.description = `${String(def.info.description).replace(/ \(rev \d+\)$/, '')} (rev ${i})`;
        writeFileSync(f, JSON.stringify(def, null, 2));
      }
      d.dv.setFaultRate(0.2, { kinds: [...KINDS], seed: 100 + i });
      d.graph.setFaultRate(0.2, { kinds: [...KINDS], seed: 200 + i });
      d.dv.setConcurrentEditRate(0.2, 300 + i);
      for (let attempt = 1; ; attempt++) {
        try {
          await recordedPublish(publishOptions(d.root, false), sink);
          break;
        } catch (e) {
          // A user (or CI) re-runs a failed publish; it must converge.
          failures++;
          if (attempt >= 5) throw e;
        }
      }
    }
    d.dv.setFaultRate(0);
    d.graph.setFaultRate(0);
    d.dv.setConcurrentEditRate(0);
    expect(d.dv.state.connectors).toHaveLength(1);
    const id = String(d.dv.state.connectors[0]!.connectorinternalid);
    const app = d.graph.state.applications.find((a) => a.appId === d.connectorAppId)!;
    expect(app.web.redirectUris).toEqual(['https://global.consent.azure-apim.net/redirect', `https://global.consent.azure-apim.net/redirect/${id}`]);
    expect(JSON.parse(String(d.dv.state.connectors[0]!.openapidefinition)).info.description).toMatch(/\(rev 19\)$/);
    expect(d.dv.requests.some((r) => r.fault === 'drop-after-commit')).toBe(true);
    // Fault-free, the converged state is a no-op.
    const before = d.writes();
    const r = await recordedPublish(publishOptions(d.root, false), sink);
    expect(r.changes.map((c) => c.action)).toEqual(['no-op', 'no-op']);
    expect(d.writes()).toEqual(before);
    expect(failures).toBeLessThan(20);
  });
});

describe('publish setup errors are coded and write nothing', () => {
  it('no application user → CK_PUBLISH_NO_APPLICATION_USER naming the setup step', async () => {
    const d = await startPublishDoubles({ applicationUsers: [] });
    try {
      const e = await catchCkError(() => recordedPublish(publishOptions(d.root, false), []));
      expect(e.code).toBe('CK_PUBLISH_NO_APPLICATION_USER');
      expect(e.hint).toMatch(/Application users > \+ New app user/);
      expect(d.writes()).toEqual({ dataverse: 0, graph: 0 });
    } finally {
      await d.close();
    }
  });

  it('a missing or managed solution → CK_PUBLISH_SOLUTION_NOT_FOUND pointing at powerPlatform.solution', async () => {
    const d = await startPublishDoubles({ solutions: [{ uniquename: 'Other' }, { uniquename: 'Managed', ismanaged: true }] });
    try {
      let e = await catchCkError(() => recordedPublish(publishOptions(d.root, false), []));
      expect([e.code, e.target]).toEqual(['CK_PUBLISH_SOLUTION_NOT_FOUND', 'infra/environments/test.json#powerPlatform.solution']);
      writeFileSync(path.join(d.root, 'infra/environments/test.json'), JSON.stringify(envJson(d, { solution: 'Managed' })));
      e = await catchCkError(() => recordedPublish(publishOptions(d.root, false), []));
      expect(e.code).toBe('CK_PUBLISH_SOLUTION_NOT_FOUND');
      expect(e.message).toMatch(/managed/);
      expect(d.writes()).toEqual({ dataverse: 0, graph: 0 });
      expect(d.violations()).toEqual([]);
    } finally {
      await d.close();
    }
  });

  it('an environment URL that is not Dataverse → CK_PUBLISH_ENVIRONMENT_UNREACHABLE', async () => {
    const d = await startPublishDoubles();
    try {
      // The Graph double is a real HTTPS server but not a Dataverse environment (and the token audience differs).
      writeFileSync(path.join(d.root, 'infra/environments/test.json'), JSON.stringify(envJson(d, { environmentUrl: 'https://127.0.0.1:1' })));
      const e = await catchCkError(() => recordedPublish(publishOptions(d.root, false, { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }), []));
      expect([e.code, e.target]).toEqual(['CK_PUBLISH_ENVIRONMENT_UNREACHABLE', 'infra/environments/test.json#powerPlatform.environmentUrl']);
      writeFileSync(path.join(d.root, 'infra/environments/test.json'), JSON.stringify(envJson(d, { environmentUrl: d.graph.url })));
      const e2 = await catchCkError(() => recordedPublish(publishOptions(d.root, false), []));
      expect(e2.code).toBe('CK_PUBLISH_ENVIRONMENT_UNREACHABLE');
      expect(e2.message).toMatch(/is not a Dataverse environment/);
    } finally {
      await d.close();
    }
  });

  it('an env file without powerPlatform → CK_PUBLISH_NOT_CONFIGURED; a folder with placeholders → CK_PUBLISH_NOT_DEPLOYED', async () => {
    const d = await startPublishDoubles();
    try {
      const env = envJson(d);
      delete env.powerPlatform;
      writeFileSync(path.join(d.root, 'infra/environments/test.json'), JSON.stringify(env));
      expect((await catchCkError(() => recordedPublish(publishOptions(d.root, true), []))).code).toBe('CK_PUBLISH_NOT_CONFIGURED');
      writeFileSync(path.join(d.root, 'infra/environments/test.json'), JSON.stringify(envJson(d)));
      const repoProps = path.resolve(__dirname, '../../connector/apiProperties.json');
      writeFileSync(path.join(d.root, 'connector/apiProperties.json'), readFileSync(repoProps));
      const e = await catchCkError(() => recordedPublish(publishOptions(d.root, true), []));
      expect([e.code, e.message]).toEqual(['CK_PUBLISH_NOT_DEPLOYED', 'connector/ still holds the placeholder [[connector-client-id]].']);
    } finally {
      await d.close();
    }
  });
});
