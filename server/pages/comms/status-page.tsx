// `/status/:service`: the opt-in public status page (`status_page: true`): the current state, open
// incidents with their published updates, announced maintenance, and the last 90 days day by day.
// Only what was published is shown: internal notes, unannounced windows and other services stay out.
import type { Hono } from 'hono';
import { loadServiceTimeline } from '../../../pipeline/service-timeline.ts';
import { computeDailyHistory, type DayHistory } from '../../../sla/daily-history.ts';
import type { Incident, Maintenance } from '../../../sla/model.ts';
import type { IncidentNote } from '../../../db/comms-store.ts';
import { fill, formatDateTime, formatDuration, formatPercentTruncated, langs, pickLang, type Lang } from '../i18n.ts';
import type { PageModule } from '../page-module.ts';
import type { PageDeps } from '../page-deps.ts';
import { statusMessages } from './status-messages.ts';

export const historyDays = 90;
const dayMs = 86_400_000;

interface StatusData {
  name: string;
  zone: string;
  open: { incident: Incident; updates: IncidentNote[] }[];
  upcoming: Maintenance[];
  inMaintenance: boolean;
  days: DayHistory[];
}

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

export const statusPage: PageModule = {
  name: 'status',
  register(app: Hono, deps) {
    app.get('/status/:service', async (c) => {
      const lang = pickLang(c.req.query('lang'), c.req.header('accept-language'));
      const data = await loadStatus(deps, c.req.param('service'), deps.nowMs());
      if (!data) return c.html('<!doctype html><title>Not found</title><h1>Not found</h1>', 404);
      c.header('Cache-Control', 'no-cache');
      return c.html(
        `<!doctype html>${(<StatusDocument lang={lang} data={data} styleUrl={deps.assets.styleUrl} path={c.req.path} />).toString()}`,
      );
    });
  },
};

function overall(data: StatusData): 'outage' | 'degraded' | 'maintenance' | 'operational' {
  if (data.open.some((o) => o.incident.impact === 'outage')) return 'outage';
  if (data.open.length > 0) return 'degraded';
  return data.inMaintenance ? 'maintenance' : 'operational';
}

function StatusDocument({
  lang,
  data,
  styleUrl,
  path,
}: {
  lang: Lang;
  data: StatusData;
  styleUrl: string;
  path: string;
}) {
  const m = statusMessages(lang);
  const time = (ms: number) => formatDateTime(lang, ms, data.zone);
  const state = overall(data);
  const title = fill(m.title, { service: data.name });
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={styleUrl} />
      </head>
      <body class="status-page">
        <header class="site-header">
          <nav class="lang-switch" aria-label="Language">
            <ul>
              {langs.map((l) => (
                <li>
                  <a href={`${path}?lang=${l}`} aria-current={l === lang ? 'true' : undefined}>
                    {l === 'ja' ? '日本語' : 'English'}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">
          <h1>{title}</h1>
          <p class={`status-banner status-${state}`} data-state={state} role="status">
            {m[state]}
          </p>
          <h2>{m.openIncidents}</h2>
          {data.open.length === 0 ? (
            <p>{m.noOpen}</p>
          ) : (
            data.open.map(({ incident, updates }) => (
              <section class="status-incident" data-incident={incident.id}>
                <h3>{incident.title}</h3>
                <p class="muted">{fill(m.started, { time: time(incident.startedAtMs) })}</p>
                {updates.length === 0 ? (
                  <p>{m.noUpdates}</p>
                ) : (
                  <ol class="notes">
                    {[...updates].reverse().map((n) => (
                      <li>
                        <strong>{time(n.publishedMs!)}</strong>
                        <p>{n.text}</p>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            ))
          )}
          <h2>{m.upcoming}</h2>
          {data.upcoming.length === 0 ? (
            <p>{m.noUpcoming}</p>
          ) : (
            <ul>
              {data.upcoming.map((w) => (
                <li data-maintenance={w.id}>
                  <strong>{w.title}</strong> — {fill(m.window, { from: time(w.startMs), to: time(w.endMs) })} (
                  {w.kind === 'downtime' ? m.downtime : m.noDowntime})
                </li>
              ))}
            </ul>
          )}
          <h2>{fill(m.history, { days: historyDays })}</h2>
          <ol class="history-bars" aria-label={fill(m.history, { days: historyDays })}>
            {data.days.map((d) => {
              const label =
                d.availability === null
                  ? fill(m.dayUnknown, { date: d.date })
                  : fill(d.downtimeMs > 0 ? m.dayDown : m.dayUp, {
                      date: d.date,
                      availability: formatPercentTruncated(lang, d.availability, 3),
                      downtime: formatDuration(lang, d.downtimeMs),
                    });
              const kind = d.availability === null ? 'unknown' : d.downtimeMs > 0 ? 'down' : 'up';
              return (
                <li class={`day day-${kind}`} data-date={d.date} title={label}>
                  <span class="visually-hidden">{label}</span>
                </li>
              );
            })}
          </ol>
          <p class="muted">{fill(m.times, { timezone: data.zone })}</p>
        </main>
      </body>
    </html>
  );
}
