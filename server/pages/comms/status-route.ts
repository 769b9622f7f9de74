// `GET /status/:service`: reads what the public status page may show (its open incidents with their
// published updates, the announced maintenance, 90 days of history) and renders it; a service
// without `status_page: true` has no page.
import type { Hono } from 'hono';
import { loadServiceTimeline } from '../../../pipeline/service-timeline.ts';
import { computeDailyHistory } from '../../../sla/daily-history.ts';
import { pickLang } from '../i18n.ts';
import type { PageDeps } from '../page-deps.ts';
import type { PageModule } from '../page-module.ts';
import { historyDays, statusPageHtml, type StatusData } from './status-page.tsx';

const dayMs = 86_400_000;

async function loadStatus(deps: PageDeps, serviceId: string, nowMs: number): Promise<StatusData | null> {
  const service = deps.config().services.find((s) => s.spec.id === serviceId && s.statusPage);
  if (!service) return null;
  const { spec } = service;
  const fromMs = nowMs - (historyDays + 1) * dayMs;
  const [timeline, incidents, maintenance] = await Promise.all([
    loadServiceTimeline(deps.store, spec, fromMs, nowMs),
    deps.store.listIncidents(spec.id, fromMs, nowMs + 1),
    deps.store.listMaintenance(spec.id, fromMs, nowMs + 366 * dayMs),
  ]);
  const openIncidents = incidents.filter((i) => i.resolvedAtMs === null && i.startedAtMs <= nowMs);
  const open = await Promise.all(
    openIncidents.map(async (incident) => ({
      incident,
      updates: (await deps.store.comms.listIncidentNotes(incident.id!)).filter((n) => n.publishedMs !== null),
    })),
  );
  const announced = maintenance.filter((w) => w.announcedAtMs !== null && w.announcedAtMs <= nowMs && w.endMs > nowMs);
  return {
    name: spec.name,
    zone: spec.timezone,
    open,
    upcoming: announced,
    inMaintenance: announced.some((w) => w.startMs <= nowMs),
    days: computeDailyHistory({ service: spec, nowMs, days: historyDays, timeline, incidents, maintenance }),
  };
}

export const statusRoutes: PageModule = {
  name: 'status',
  register(app: Hono, deps) {
    app.get('/status/:service', async (c) => {
      const lang = pickLang(c.req.query('lang'), c.req.header('accept-language'));
      const data = await loadStatus(deps, c.req.param('service'), deps.nowMs());
      if (!data) return c.html('<!doctype html><title>Not found</title><h1>Not found</h1>', 404);
      c.header('Cache-Control', 'no-cache');
      return c.html(statusPageHtml({ lang, data, styleUrl: deps.assets.styleUrl, path: c.req.path }));
    });
  },
};
