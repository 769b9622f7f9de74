// `/status/:service`: the opt-in public status page (`status_page: true`): the current state, open
// incidents with their published updates, announced maintenance, and the last 90 days day by day.
// Only what was published is shown: internal notes, unannounced windows and other services stay out.
// A pure view of what status-route.ts reads; it stands alone, without the console's shell.
import type { IncidentNote } from '../../../db/comms-store.ts';
import type { DayHistory } from '../../../sla/daily-history.ts';
import type { Incident, Maintenance } from '../../../sla/model.ts';
import { fill, formatDateTime, formatDuration, formatPercentTruncated, langs, type Lang } from '../i18n.ts';
import { statusMessages } from './status-messages.ts';

export const historyDays = 90;

export interface StatusData {
  name: string;
  zone: string;
  open: { incident: Incident; updates: IncidentNote[] }[];
  upcoming: Maintenance[];
  inMaintenance: boolean;
  days: DayHistory[];
}

interface StatusProps {
  lang: Lang;
  data: StatusData;
  styleUrl: string;
  /** The page's own path, for the language links. */
  path: string;
}

export function statusPageHtml(props: StatusProps): string {
  return `<!doctype html>${StatusDocument(props).toString()}`;
}

function overall(data: StatusData): 'outage' | 'degraded' | 'maintenance' | 'operational' {
  if (data.open.some((o) => o.incident.impact === 'outage')) return 'outage';
  if (data.open.length > 0) return 'degraded';
  return data.inMaintenance ? 'maintenance' : 'operational';
}

function StatusDocument({ lang, data, styleUrl, path }: StatusProps) {
  const m = statusMessages(lang);
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
          {data.open.length === 0 ? <p>{m.noOpen}</p> : <OpenIncidents lang={lang} data={data} />}
          <h2>{m.upcoming}</h2>
          {data.upcoming.length === 0 ? <p>{m.noUpcoming}</p> : <UpcomingMaintenance lang={lang} data={data} />}
          <h2>{fill(m.history, { days: historyDays })}</h2>
          <DailyHistory lang={lang} data={data} />
          <p class="muted">{fill(m.times, { timezone: data.zone })}</p>
        </main>
      </body>
    </html>
  );
}

type SectionProps = Pick<StatusProps, 'lang' | 'data'>;

/** Each open incident with its published updates, newest first. */
function OpenIncidents({ lang, data }: SectionProps) {
  const m = statusMessages(lang);
  const time = (ms: number) => formatDateTime(lang, ms, data.zone);
  return data.open.map(({ incident, updates }) => (
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
  ));
}

function UpcomingMaintenance({ lang, data }: SectionProps) {
  const m = statusMessages(lang);
  const time = (ms: number) => formatDateTime(lang, ms, data.zone);
  return (
    <ul>
      {data.upcoming.map((w) => (
        <li data-maintenance={w.id}>
          <strong>{w.title}</strong> — {fill(m.window, { from: time(w.startMs), to: time(w.endMs) })} (
          {w.kind === 'downtime' ? m.downtime : m.noDowntime})
        </li>
      ))}
    </ul>
  );
}

/** A bar per day: up, down (with its availability and downtime), or unknown. */
function DailyHistory({ lang, data }: SectionProps) {
  const m = statusMessages(lang);
  return (
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
  );
}
