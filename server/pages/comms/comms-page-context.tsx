// What the alert, incident and maintenance pages share: a page context without live refresh on
// edit pages (a poll must not wipe a form being filled in), the actor, the services with their
// customer channels, and answering a failed action in the page.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ActionContext } from '../../../jobs/communications.ts';
import type { CommsService } from '../../routes/comms-deps.ts';
import { actorHeader, specLookup } from '../../routes/comms-deps.ts';
import { requestActor } from '../../security/http/principal.ts';
import { createPageContext, type PageContext } from '../page-context.ts';
import type { PageDeps } from '../page-deps.ts';
import { renderErrorPage, renderPage } from '../render-page.tsx';
import type { Lang } from '../i18n.ts';
import { commsMessages } from './comms-messages.ts';

export function commsServices(deps: PageDeps): CommsService[] {
  return deps
    .config()
    .services.map((s) => ({ spec: s.spec, notifyCustomers: s.notifyCustomers, statusPage: s.statusPage }));
}

/** The signed-in account acts (SPEC §6); only an app without security (page tests) takes the X-Slawatch-Actor header or `console`. */
export function pageAction(c: Context, deps: PageDeps): ActionContext {
  return {
    store: deps.store,
    nowMs: deps.nowMs(),
    actor: requestActor(c.get('principal'), () => (c.req.header(actorHeader) ?? '').trim().slice(0, 100) || 'console'),
    serviceSpec: specLookup(() => deps.config().services),
  };
}

export async function withPage(
  c: Context,
  deps: PageDeps,
  options: { live: boolean },
  render: (ctx: PageContext) => Promise<{ title: string; body: Child; status?: 200 | 400 | 404 | 409 }>,
): Promise<Response> {
  const made = createPageContext(c, options.live ? deps : { ...deps, liveIntervalSeconds: 0 });
  if (!made.ok) return renderErrorPage(c, made.lang, 400, made.message);
  const page = await render(made.ctx);
  return renderPage(c, made.ctx, { ...page, periodSelector: false });
}

export function Notice({ text, error }: { text: string | null; error?: boolean }) {
  if (!text) return null;
  return (
    <p class={error ? 'notice notice-error' : 'notice'} role={error ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

/** Why a change is made: required by the action when it touches a closed month. */
export function ReasonInput({ lang }: { lang: Lang }) {
  const m = commsMessages(lang);
  return (
    <>
      <label>
        {m.reason} <input type="text" name="reason" maxlength={500} aria-describedby="reason-hint" />
      </label>
      <p class="muted" id="reason-hint">
        {m.reasonHint}
      </p>
    </>
  );
}
