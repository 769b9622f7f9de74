// What the alert, incident and maintenance routes share: a page context without live refresh on
// edit pages (a poll must not wipe a form being filled in), the actor, and the services with their
// customer channels.
import type { Context } from 'hono';
import type { ActionContext } from '../../../jobs/communications.ts';
import type { CommsService } from '../../routes/comms-deps.ts';
import { actorHeader, specLookup } from '../../routes/comms-deps.ts';
import { requestActor } from '../../security/http/principal.ts';
import type { PageContext } from '../page-context.ts';
import type { PageDeps } from '../page-deps.ts';
import type { PageBody } from '../page-body.ts';
import { renderPage, withPageContext } from '../render-page.ts';

export function commsServices(deps: PageDeps): CommsService[] {
  return deps
    .config()
    .services.map((s) => ({ spec: s.spec, notifyCustomers: s.notifyCustomers, statusPage: s.statusPage }));
}

export function commsServiceOf(deps: PageDeps, serviceId: string): CommsService | undefined {
  return commsServices(deps).find((s) => s.spec.id === serviceId);
}

/** The spec's timezone of a service id, or the config's for an unknown one. */
export function zoneOf(deps: PageDeps, serviceId: string): string {
  return commsServiceOf(deps, serviceId)?.spec.timezone ?? deps.config().timezone;
}

/**
 * The signed-in account acts (SPEC §6); only an app without security (page tests) takes the
 * X-Slawatch-Actor header or `console`.
 */
export function pageAction(c: Context, deps: PageDeps): ActionContext {
  return {
    store: deps.store,
    nowMs: deps.nowMs(),
    actor: requestActor(c.get('principal'), () => (c.req.header(actorHeader) ?? '').trim().slice(0, 100) || 'console'),
    serviceSpec: specLookup(() => deps.config().services),
  };
}

/** A communication page: no period selector; edit forms (`live: false`) are not refreshed in place. */
export function withPage(
  c: Context,
  deps: PageDeps,
  options: { live: boolean },
  page: (ctx: PageContext) => PageBody | Promise<PageBody>,
): Response | Promise<Response> {
  return withPageContext(c, options.live ? deps : { ...deps, liveIntervalSeconds: 0 }, async (ctx) =>
    renderPage(c, ctx, { ...(await page(ctx)), periodSelector: false }),
  );
}
