/**
 * The deploy identity in Entra ID, through Microsoft Graph: the app registration (found by uniqueName, like the
 * API and connector apps), its service principal, and the federated credential that lets one GitHub repository
 * environment sign in as it. Other federated credentials on the app (another repository, another environment) stay.
 */
import { UNKNOWN, type Step, diffProps, createOnce, changeMaker } from '../deploy';
import type { CiContext } from './types';

interface App {
  id: string;
  appId: string;
  displayName: string;
  uniqueName?: string;
  signInAudience?: string;
}
interface Fic {
  id: string;
  name: string;
  issuer: string;
  subject: string;
  audiences: string[];
  description?: string | null;
}

const change = changeMaker('ci');

const findApp = async (ctx: CiContext) => (await ctx.graph.listBy<App>('applications', 'uniqueName', ctx.app.uniqueName))[0];

export function identitySteps(): Step<CiContext>[] {
  const app: Step<CiContext> = {
    id: 'ci.app',
    title: 'Entra deploy app',
    deps: [],
    async plan(ctx) {
      const res = `Entra app ${ctx.app.uniqueName} (deploy identity)`;
      const desired = { displayName: ctx.app.displayName, signInAudience: 'AzureADMyOrg' };
      const cur = await findApp(ctx);
      if (!cur) {
        Object.assign(ctx.out, { appId: UNKNOWN, appObjectId: UNKNOWN });
        return {
          changes: [change(res, 'create', [{ path: 'displayName', to: desired.displayName }])],
          apply: async () => {
            const a = await createOnce(
              ctx,
              () => ctx.graph.post<App>('applications', { ...desired, uniqueName: ctx.app.uniqueName }),
              () => findApp(ctx),
            );
            Object.assign(ctx.out, { appId: a.appId, appObjectId: a.id });
          },
        };
      }
      Object.assign(ctx.out, { appId: cur.appId, appObjectId: cur.id });
      const diff = diffProps(desired, cur);
      if (!diff.length) return { changes: [change(res, 'no-op')] };
      return { changes: [change(res, 'update', diff)], apply: () => ctx.graph.patch(`applications/${cur.id}`, desired) };
    },
  };

  const sp: Step<CiContext> = {
    id: 'ci.sp',
    title: 'Entra deploy service principal',
    deps: ['ci.app'],
    async plan(ctx) {
      const res = `Entra service principal of ${ctx.app.uniqueName}`;
      const find = async () => (ctx.out.appId === UNKNOWN ? undefined : (await ctx.graph.listBy<{ id: string }>('servicePrincipals', 'appId', ctx.out.appId!))[0]);
      const cur = await find();
      if (cur) {
        ctx.out.spId = cur.id;
        return { changes: [change(res, 'no-op')] };
      }
      ctx.out.spId = UNKNOWN;
      return {
        changes: [change(res, 'create')],
        apply: async () => {
          const s = await createOnce(ctx, () => ctx.graph.post<{ id: string }>('servicePrincipals', { appId: ctx.out.appId }), find);
          ctx.out.spId = s.id;
        },
      };
    },
  };

  const fic: Step<CiContext> = {
    id: 'ci.federatedCredential',
    title: 'Entra federated credential',
    deps: ['ci.app'],
    async plan(ctx) {
      const f = ctx.federated;
      const res = `Federated credential ${f.name} on ${ctx.app.uniqueName} (${f.subject})`;
      const desired = { issuer: f.issuer, subject: f.subject, audiences: f.audiences };
      const base = () => `applications/${ctx.out.appObjectId}/federatedIdentityCredentials`;
      const find = async () => (ctx.out.appObjectId === UNKNOWN ? undefined : (await ctx.graph.listBy<Fic>(base(), 'name', f.name))[0]);
      const cur = await find();
      if (!cur)
        return {
          changes: [change(res, 'create', [{ path: 'subject', to: f.subject }])],
          apply: async () => void (await createOnce(ctx, () => ctx.graph.post<Fic>(base(), { name: f.name, ...desired, description: `connectorkit ci setup: ${ctx.opts.repo}` }), find)),
        };
      const diff = diffProps(desired, cur);
      if (!diff.length) return { changes: [change(res, 'no-op')] };
      return { changes: [change(res, 'update', diff)], apply: () => ctx.graph.patch(`${base()}/${cur.id}`, desired) };
    },
  };
  return [app, sp, fic];
}
