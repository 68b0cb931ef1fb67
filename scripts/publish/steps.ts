/**
 * The two publish steps for the deploy engine: the connector row in Dataverse (create / update of the changed
 * columns / no-op, breaking-change check against the live definition) and the connector's sign-in redirect URI on
 * its Entra app (https://global.consent.azure-apim.net/redirect/<connector internal id>).
 */
import { CkError } from '../core/errors';
import { UNKNOWN, type Step, isTransient, AzureHttpError, changeMaker } from '../deploy';
import { detectChanges } from '../export';
import type { PublishContext } from './context';
import { MANAGED_COLUMNS, sameColumn, withClientSecret, type ManagedColumn } from './desired';
import type { Row } from './dataverse-client';

const READ_COLUMNS = ['connectorid', 'name', 'connectorinternalid', ...MANAGED_COLUMNS];
export const REDIRECT_BASE = 'https://global.consent.azure-apim.net/redirect';

const change = changeMaker('publish');

/** Long column values are shown by size, never in full (definitions are large; the icon is binary). */
function summarise(col: ManagedColumn, v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (col === 'displayname' || col === 'description' || col === 'iconbrandcolor' || col === 'capabilities') return v;
  return `(${String(v).length} chars)`;
}

async function readRow(ctx: PublishContext): Promise<Row | undefined> {
  const rows = await ctx.dv.listBy('connectors', 'name', ctx.desired.name, READ_COLUMNS);
  return rows[0];
}

export function connectorStep(): Step<PublishContext> {
  return {
    id: 'publish.connector',
    title: 'Power Platform connector',
    deps: [],
    async plan(ctx) {
      const d = ctx.desired;
      const res = `connector ${d.name} in solution ${ctx.pp.solution}`;
      const row = await readRow(ctx);
      const secretFor = async (cols: Partial<Record<ManagedColumn, string | null>>) => {
        const s = cols.connectionparameters ? await ctx.opts.clientSecret?.() : undefined;
        return s ? { ...cols, connectionparameters: withClientSecret(cols.connectionparameters!, s) } : cols;
      };
      if (!row) {
        Object.assign(ctx.out, { connectorid: d.connectorid, internalId: UNKNOWN, breaking: [] });
        const diff = MANAGED_COLUMNS.filter((c) => d.columns[c] !== null).map((c) => ({ path: c, to: summarise(c, d.columns[c]) }));
        return {
          changes: [change(res, 'create', diff)],
          apply: async () => {
            const body = { connectorid: d.connectorid, name: d.name, connectortype: 1, ...(await secretFor(d.columns)) };
            let created: Row | undefined;
            try {
              created = await ctx.dv.create('connectors', body, ['connectorid', 'connectorinternalid']);
            } catch (e) {
              // A lost answer or a duplicate key (412 0x80040237): the create may have happened; the row decides.
              const dup = e instanceof AzureHttpError && e.status === 412;
              if (!dup && !isTransient(e)) throw e;
              created = await readRow(ctx);
              if (!created) throw e;
            }
            Object.assign(ctx.out, { connectorid: created.connectorid, internalId: created.connectorinternalid });
          },
        };
      }
      const etag = String(row['@odata.etag']);
      Object.assign(ctx.out, { connectorid: row.connectorid, internalId: row.connectorinternalid });
      let breaking: string[] = [];
      try {
        const live = JSON.parse(String(row.openapidefinition)) as Record<string, unknown>;
        breaking = detectChanges(live, d.definition)
          .filter((c) => c.breaking)
          .map((c) => `${c.operationId}: ${c.kind}`);
      } catch {
        breaking = ['(the live definition is not valid JSON)'];
      }
      ctx.out.breaking = breaking;
      const changed = MANAGED_COLUMNS.filter((c) => !sameColumn(c, d.columns[c], row[c]));
      if (!changed.length) return { changes: [change(res, 'no-op')] };
      const diff = changed.map((c) => ({ path: c, from: summarise(c, row[c]), to: summarise(c, d.columns[c]) }));
      const note = breaking.length ? `BREAKING against the live definition: ${breaking.join(', ')}` : undefined;
      return {
        changes: [change(res, 'update', diff, note)],
        apply: async () => {
          if (breaking.length && !ctx.opts.allowBreaking) {
            throw new CkError({
              code: 'CK_PUBLISH_BREAKING',
              message: `Publishing would break the connector live in ${ctx.pp.environmentUrl}: ${breaking.join('; ')}.`,
              details: breaking.map((b) => ({ code: 'CK_PUBLISH_BREAKING', message: b, target: `operation/${b.split(':')[0]}` })),
            });
          }
          const body = await secretFor(Object.fromEntries(changed.map((c) => [c, d.columns[c]])));
          await ctx.dv.update('connectors', String(row.connectorid), etag, body);
        },
      };
    },
  };
}

interface GraphApp {
  id: string;
  appId: string;
  web?: { redirectUris?: string[] } & Record<string, unknown>;
}

/** The connector's redirect URI on its Entra app; absent when the connector does not sign in with OAuth. */
export function redirectStep(): Step<PublishContext> {
  return {
    id: 'publish.redirectUri',
    title: 'Entra redirect URI of the connector',
    deps: ['publish.connector'],
    async plan(ctx) {
      const app = ctx.connectorApp!;
      const res = `redirect URI on Entra app ${app.appId}`;
      const internalId = ctx.out.internalId;
      const uri = `${REDIRECT_BASE}/${String(internalId)}`;
      ctx.out.redirectUri = internalId === UNKNOWN ? `${REDIRECT_BASE}/${UNKNOWN}` : uri;
      // Re-read at plan time: a re-plan after a lost answer must see the app as it is now.
      const cur = (await ctx.graph.listBy<GraphApp>('applications', 'appId', app.appId))[0] ?? app;
      const have = cur.web?.redirectUris ?? [];
      if (internalId !== UNKNOWN && have.includes(uri)) return { changes: [change(res, 'no-op')] };
      return {
        changes: [change(res, 'update', [{ path: 'web.redirectUris', to: `+ ${ctx.out.redirectUri}` }])],
        apply: async () => {
          const id = ctx.out.internalId;
          if (!id || id === UNKNOWN) throw new CkError({ code: 'CK_PUBLISH_DATAVERSE_ERROR', message: 'Dataverse did not return the connector internal id (connectorinternalid) after the create.' });
          const now = `${REDIRECT_BASE}/${String(id)}`;
          ctx.out.redirectUri = now;
          const latest = (await ctx.graph.listBy<GraphApp>('applications', 'appId', app.appId))[0] ?? cur;
          const list = latest.web?.redirectUris ?? [];
          // Graph replaces the whole `web` value on PATCH: send the other web settings back unchanged.
          if (!list.includes(now)) await ctx.graph.patch(`applications/${latest.id}`, { web: { ...(latest.web ?? {}), redirectUris: [...list, now] } });
        },
      };
    },
  };
}
