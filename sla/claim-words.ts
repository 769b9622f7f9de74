// The words of claims in Japanese and English, written once (STYLE habit 12): each metric's label
// and check-sheet item, maintenance kinds, claim statuses, a bound's direction and the units of
// times and counts. Records over the registries, so a metric, kind or status cannot ship unnamed.
import type { ClaimMetric, MaintenanceKind } from './model.ts';
import type { ClaimStatus } from './claim-status.ts';

export const langs = ['ja', 'en'] as const;
export type Lang = (typeof langs)[number];
export type Words = Record<Lang, string>;

export interface MetricWords {
  /**
   * The figure's name as it reads inside a sentence ("2026 actual: MTTR 5 h"); headingLabel
   * capitalizes it where it starts a line or a cell.
   */
  label: Words;
  /** The check-sheet item (the METI template's row name) a claim of the metric answers. */
  sheetItem: Words;
}

export const metricWords: Record<ClaimMetric, MetricWords> = {
  availability: {
    label: { ja: '稼働率', en: 'availability' },
    sheetItem: { ja: 'サービス稼働率', en: 'Availability' },
  },
  mttr: {
    label: { ja: '平均復旧時間', en: 'MTTR' },
    sheetItem: { ja: '平均復旧時間(MTTR)', en: 'Mean time to repair (MTTR)' },
  },
  incident_count: {
    label: { ja: '障害件数', en: 'incidents' },
    sheetItem: { ja: '障害発生件数', en: 'Number of incidents' },
  },
  // Both counts answer one sheet item ("障害件数：27件 長時間要した障害件数：13件").
  long_incident_count: {
    label: { ja: '長時間要した障害件数', en: 'incidents lasting a day or more' },
    sheetItem: { ja: '障害発生件数', en: 'Number of incidents' },
  },
  notification_delay: {
    label: { ja: '障害通知時間（最長）', en: 'longest notification time' },
    sheetItem: { ja: '障害通知時間', en: 'Failure notification time' },
  },
  maintenance_notice: {
    label: { ja: '計画停止の事前通知（最短）', en: 'shortest maintenance notice' },
    sheetItem: { ja: '計画停止予定通知', en: 'Planned maintenance notice' },
  },
  backup_freshness: {
    label: { ja: 'バックアップ間隔（最長）', en: 'longest time between backups' },
    sheetItem: { ja: 'バックアップの方法', en: 'Backup method' },
  },
  latency: {
    label: { ja: '応答時間', en: 'response time' },
    sheetItem: { ja: '応答時間', en: 'Response time' },
  },
};

/** A metric's label where it starts a line or a cell: "MTTR", "Availability", "稼働率". */
export function headingLabel(metric: ClaimMetric, lang: Lang): string {
  const label = metricWords[metric].label[lang];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * A kind of maintenance window: `short` beside a label ("notice (downtime)"), `long` where it
 * stands alone, as check sheets name it ("サービス停止に伴うメンテナンス：7日以上").
 */
export const maintenanceKindWords: Record<MaintenanceKind, { short: Words; long: Words }> = {
  downtime: {
    short: { ja: '停止あり', en: 'downtime' },
    long: { ja: 'サービス停止に伴うメンテナンス', en: 'maintenance with downtime' },
  },
  'no-downtime': {
    short: { ja: '停止なし', en: 'no downtime' },
    long: { ja: 'サービス停止に伴わないメンテナンス', en: 'maintenance without downtime' },
  },
};

export const statusWords: Record<ClaimStatus, Words> = {
  met: { ja: '達成', en: 'met' },
  at_risk: { ja: '要注意', en: 'at risk' },
  breached: { ja: '未達', en: 'breached' },
  insufficient_data: { ja: 'データ不足', en: 'insufficient data' },
};

/** A bound's value with its direction: "≥ 99.99%", "≤ 42 min"; "99.99%以上", "42分以内". */
export function boundPhrase(direction: 'min' | 'max', value: string, lang: Lang): string {
  if (lang === 'ja') return `${value}${direction === 'min' ? '以上' : '以内'}`;
  return `${direction === 'min' ? '≥' : '≤'} ${value}`;
}

/** What follows a count: "27件", "27". */
export const countUnit: Words = { ja: '件', en: '' };

/**
 * Units of time, largest first: `ja` and `en` as the pages and reports write them ("1 h 30 min",
 * "1時間30分"), `one` and `many` as the check sheet spells them out ("1 hour 30 minutes").
 */
export const timeUnits = [
  { ms: 86_400_000, ja: '日', en: 'd', one: 'day', many: 'days' },
  { ms: 3_600_000, ja: '時間', en: 'h', one: 'hour', many: 'hours' },
  { ms: 60_000, ja: '分', en: 'min', one: 'minute', many: 'minutes' },
  { ms: 1_000, ja: '秒', en: 's', one: 'second', many: 'seconds' },
] as const;
export type TimeUnit = (typeof timeUnits)[number];

/** A number of a unit: "42 min", "42分"; `spelled` for the sheet's "42 minutes". */
export function unitText(n: number, unit: TimeUnit, lang: Lang, spelled = false): string {
  if (lang === 'ja') return `${n}${unit.ja}`;
  return `${n} ${spelled ? (n === 1 ? unit.one : unit.many) : unit.en}`;
}

/** Milliseconds, the unit of response times and of durations under a second: "500 ms", "500ミリ秒". */
export function millisecondsText(n: number, lang: Lang): string {
  return lang === 'ja' ? `${n}ミリ秒` : `${n} ms`;
}
