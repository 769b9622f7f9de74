// The measurable items of a METI-style SaaS SLA check sheet: how each is named (Japanese and
// English) and how its claim is read from the answer. A registry: one entry per item, matched by
// the item's name, never by its row number. Each reader returns claims or the reason it cannot.
import { claimMetrics, type MaintenanceKind } from '../../sla/model.ts';
import { findCounts, findDurations, findPercentages, normalizeText, type Span } from './sheet-text.ts';

/** What a sheet can claim: every claim metric, and the service hours a calendar is made from. */
export const sheetMetrics = ['service_hours', ...claimMetrics] as const;
export type SheetMetric = (typeof sheetMetrics)[number];

/** One claim read from an answer. `bound` is in base units: a ratio, seconds or a count (SPEC §5). */
export interface ReadClaim {
  metric: SheetMetric;
  bound: number;
  kind?: MaintenanceKind;
  /** Where the claimed figure stands in the answer (the export writes the measured one there). */
  span: Span;
  /** Percent decimals as written (availability). */
  decimals?: number;
  /** service_hours: the calendar, as the config writes it. */
  calendar?: '24x7' | Array<{ days: string; from: string; to: string }>;
}

export type ItemReading = { ok: true; claims: ReadClaim[] } | { ok: false; reason: string };

export interface SheetItem {
  names: RegExp;
  /** An answer that says the figure is not published or not measured. */
  read(answer: string): ItemReading;
}

/** A case-blind pattern of any one of the phrases (regular-expression source each). */
const anyOf = (...phrases: string[]) => new RegExp(`(?:${phrases.join('|')})`, 'i');

const notPublished =
  /(?:公開して(?:おりません|いません)|非公開|規定して(?:おりません|いません)|not (?:published|disclosed|public)|undisclosed|n\/a)/i;
const fail = (reason: string): ItemReading => ({ ok: false, reason });

function unpublished(answer: string): ItemReading | null {
  return notPublished.test(normalizeText(answer).text) ? fail('the answer says the figure is not published') : null;
}

function firstDuration(metric: SheetMetric, answer: string, what: string): ItemReading {
  const durations = findDurations(answer);
  if (durations.length === 0)
    return (
      unpublished(answer) ?? fail(`no duration found for the ${what} (e.g. "42分", "1時間30分", "within 2 hours")`)
    );
  const d = durations[0]!;
  return { ok: true, claims: [{ metric, bound: d.ms / 1000, span: d }] };
}

const longWords = anyOf(
  '長時間',
  '1日以上',
  '一日以上',
  '24時間以上',
  'long',
  'a day or more',
  'one day or more',
  'over a day',
  'more than a day',
  'lasting',
  'took a day',
  'day-long',
  '24 hours or more',
);
const countLabels = /(?:件数|障害|incidents?|failures?|outages?)/i;

function readIncidentCounts(answer: string): ItemReading {
  const counts = findCounts(answer);
  if (counts.length === 0)
    return unpublished(answer) ?? fail('no incident count found (e.g. "障害件数：5件", "5 incidents")');
  const claims: ReadClaim[] = [];
  for (const c of counts) {
    // The label before a count decides; without one, the words after it ("13 of which took a day").
    const before = c.before.split(/[,、;；。\n]/).pop() ?? '';
    const long = longWords.test(before) || (!countLabels.test(before) && longWords.test(c.after));
    const metric = long ? 'long_incident_count' : 'incident_count';
    if (claims.some((claim) => claim.metric === metric))
      return fail(`two ${metric.replaceAll('_', ' ')}s in one answer`);
    claims.push({ metric, bound: c.count, span: c });
  }
  return { ok: true, claims };
}

const noDowntimeWords = anyOf(
  '伴わない|伴なわない|無停止|停止しない|停止なし',
  'without (?:a |any )?(?:downtime|service interruption|outage|interruption)',
  'no[- ]downtime|non-disruptive|other maintenance|その他の?メンテナンス',
);
const downtimeWords = anyOf(
  '伴う|伴なう|停止を伴|サービス停止|停止する',
  'with (?:a |any )?(?:downtime|service interruption|outage|interruption)',
  'requiring (?:a |an )?(?:downtime|outage)|downtime',
);
const aheadWords = /^\s*(?:'|’)?\s*(?:前|まで|以上前|before|ahead|in advance|prior|notice|of notice)/i;

function readMaintenanceNotice(answer: string): ItemReading {
  const claims: ReadClaim[] = [];
  const segments = answer.split(/(?=[○●◯・■□▪*\n;；])|(?<=。)/u);
  let offset = 0;
  for (const segment of segments) {
    const start = offset;
    offset += segment.length;
    const text = normalizeText(segment).text;
    // The notice is the duration followed by "前", "before", "in advance"…
    const duration = findDurations(segment).find((d) =>
      aheadWords.test(normalizeText(segment.slice(d.end, d.end + 16)).text),
    );
    if (!duration) continue;
    const kind: MaintenanceKind | undefined = noDowntimeWords.test(text)
      ? 'no-downtime'
      : downtimeWords.test(text)
        ? 'downtime'
        : undefined;
    if (claims.some((c) => c.kind === kind))
      return fail(`two notice periods for ${kind ?? 'maintenance'} in one answer`);
    claims.push({
      metric: 'maintenance_notice',
      bound: duration.ms / 1000,
      kind,
      span: { start: start + duration.start, end: start + duration.end },
    });
  }
  if (claims.length === 0)
    return unpublished(answer) ?? fail('no notice period found (e.g. "1週間前", "3 days before")');
  return { ok: true, claims };
}

function readAvailability(answer: string): ItemReading {
  const percents = findPercentages(answer);
  if (percents.length === 0) return unpublished(answer) ?? fail('no percentage found (e.g. "99.99%")');
  if (percents.length > 1 && new Set(percents.map((p) => p.ratio)).size > 1)
    return fail('more than one percentage in the answer');
  const p = percents[0]!;
  // The ratio as written, without binary noise: 99.99 % → 0.9999, not 0.99989999….
  const bound = Number(p.ratio.toFixed(p.decimals + 2));
  return { ok: true, claims: [{ metric: 'availability', bound, decimals: p.decimals, span: p }] };
}

// "1日1回", "毎日", "daily", "once a day", "every 6 hours", "1時間ごと".
function readBackupFrequency(answer: string): ItemReading {
  const text = normalizeText(answer);
  const rules: Array<[RegExp, (m: RegExpExecArray) => number]> = [
    [/(\d+)\s*日\s*(\d+)\s*回/u, (m) => (Number(m[1]) * 86_400) / Number(m[2])],
    [/(\d+)\s*時間\s*(?:ごと|毎|おき|に1回)/u, (m) => Number(m[1]) * 3600],
    [/週\s*(\d+)\s*回/u, (m) => (7 * 86_400) / Number(m[1])],
    [/毎日|日次|デイリー/u, () => 86_400],
    [/毎時|1時間ごと/u, () => 3600],
    [/毎週|週次/u, () => 7 * 86_400],
    [
      /(once|twice|\d+ times) (?:a|per) day/i,
      (m) => 86_400 / (m[1] === 'once' ? 1 : m[1] === 'twice' ? 2 : parseInt(m[1]!, 10)),
    ],
    [/every (\d+) hours?/i, (m) => Number(m[1]) * 3600],
    [/\bdaily\b|every day/i, () => 86_400],
    [/\bhourly\b|every hour/i, () => 3600],
    [/\bweekly\b|every week|once a week/i, () => 7 * 86_400],
  ];
  for (const [pattern, seconds] of rules) {
    const m = pattern.exec(text.text);
    if (!m) continue;
    const span = { start: text.offsets[m.index]!, end: text.offsets[m.index + m[0].length]! };
    return { ok: true, claims: [{ metric: 'backup_freshness', bound: seconds(m), span }] };
  }
  return unpublished(answer) ?? fail('no backup frequency found (e.g. "1日1回", "once a day", "every 6 hours")');
}

const weekdays = /(?:平日|月\s*[~〜～-]\s*金|weekdays|monday\s*(?:to|-|through)\s*friday|mon\s*-\s*fri)/i;

function readServiceHours(answer: string): ItemReading {
  const n = normalizeText(answer);
  const span = (m: RegExpExecArray): Span => ({ start: n.offsets[m.index]!, end: n.offsets[m.index + m[0].length]! });
  const always = anyOf(
    String.raw`24\s*時間\s*365\s*日|24\s*時間\s*年中無休`,
    String.raw`24\s*[/x×]\s*7|24\s*[/x×]\s*365`,
    '24 hours a day|around the clock|all day,? every day',
  ).exec(n.text);
  if (always)
    return { ok: true, claims: [{ metric: 'service_hours', bound: 7 * 86_400, calendar: '24x7', span: span(always) }] };
  const hours = /(\d{1,2}):(\d{2})\s*[~〜～\-–to]+\s*(\d{1,2}):(\d{2})/i.exec(n.text);
  if (!hours) return fail('no service hours found (e.g. "24時間365日", "24/7", "weekdays 9:00-18:00")');
  const from = `${hours[1]!.padStart(2, '0')}:${hours[2]}`;
  const to = `${hours[3]!.padStart(2, '0')}:${hours[4]}`;
  const minutes = Number(hours[3]) * 60 + Number(hours[4]) - (Number(hours[1]) * 60 + Number(hours[2]));
  if (minutes <= 0) return fail(`service hours ${from}–${to} end before they start`);
  const onlyWeekdays = weekdays.test(n.text);
  const calendar = [{ days: onlyWeekdays ? 'weekdays' : 'daily', from, to }];
  return {
    ok: true,
    claims: [{ metric: 'service_hours', bound: minutes * 60 * (onlyWeekdays ? 5 : 7), calendar, span: span(hours) }],
  };
}

/** Matched in this order: the first whose name fits the item wins. */
export const sheetItems: SheetItem[] = [
  { names: /^(?:サービス時間|サービス提供時間|service hours|hours of service|service time)$/i, read: readServiceHours },
  {
    names: anyOf(
      '計画停止予定通知|計画停止.*通知|メンテナンス.*(?:通知|告知)',
      '(?:planned|scheduled) maintenance (?:notice|notification|announcement)|maintenance notice',
    ),
    read: readMaintenanceNotice,
  },
  { names: /(?:稼働率|可用率|availability|uptime)/i, read: readAvailability },
  {
    names: /(?:MTTR|平均復旧時間|平均修復時間|mean time to (?:repair|recover|recovery|restore))/i,
    read: (a) => firstDuration('mttr', a, 'mean time to repair'),
  },
  // Both counts come from one item: "障害件数：27件 長時間要した障害件数：13件".
  {
    names: /(?:障害発生件数|障害件数|incident count|number of (?:incidents|failures|outages)|incidents per year)/i,
    read: readIncidentCounts,
  },
  {
    names: /(?:障害通知時間|障害連絡時間|(?:failure|incident|outage) notification (?:time|delay)|time to notify)/i,
    read: (a) => firstDuration('notification_delay', a, 'notification time'),
  },
  {
    names: /^(?:応答時間|レスポンスタイム|response time|latency)$/i,
    read: (a) => firstDuration('latency', a, 'response time'),
  },
  {
    names:
      /(?:バックアップの方法|バックアップ(?:取得)?(?:頻度|間隔|回数)|backup (?:method|frequency|interval|schedule)|^backups?$)/i,
    read: readBackupFrequency,
  },
];
