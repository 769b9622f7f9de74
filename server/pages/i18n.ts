// Languages of the pages (Japanese and English). Each page module keeps its own message
// catalogue beside it with defineMessages, so a page added later adds a file, not lines here; the
// type makes a message missing in one language a compile error. Numbers follow the language's
// locale, dates and times the service's timezone, and availability is truncated to the claim's
// decimals plus one — never rounded up (99.9949 % must not read 99.995 % … or 99.99 %).
import { DateTime } from 'luxon';
import { langs, type Lang } from '../../sla/claim-words.ts';
import { formatDurationText } from '../../sla/duration-text.ts';
import { percentDecimals, truncateDecimals, type RoundingSide } from '../../sla/number-format.ts';

export { langs, type Lang };

export const defaultLang: Lang = 'en';

const localeOf: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (langs as readonly string[]).includes(value);
}

/**
 * `?lang=` wins; otherwise the first language of Accept-Language (by q) that we have; otherwise
 * English. `ja-JP` counts as `ja`.
 */
export function pickLang(queryLang: string | undefined, acceptLanguage: string | undefined): Lang {
  if (isLang(queryLang)) return queryLang;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.base && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.base).find(isLang) ?? defaultLang;
}

/** A catalogue: English defines the keys, Japanese must have every one of them. */
export function defineMessages<M extends Record<string, string>>(catalogue: { en: M; ja: { [K in keyof M]: string } }) {
  return (lang: Lang): { readonly [K in keyof M]: string } => catalogue[lang];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The messages every page shell uses (nav, language switch, period selector, statuses). */
export const commonMessages = defineMessages({
  en: {
    appName: 'slawatch',
    skipToContent: 'Skip to content',
    navOverview: 'Overview',
    navApi: 'API',
    language: 'Language',
    period: 'Period',
    periodYear: 'Year',
    periodQuarter: 'Quarter',
    periodMonth: 'Month',
    periodCustom: 'Custom range',
    periodFrom: 'From',
    periodTo: 'Until (exclusive)',
    periodApply: 'Show',
    periodNone: '—',
    periodShown: 'Showing {label} ({from} – {to}, {timezone})',
    periodNow: 'Now: each claim over its own period',
    periodShownNow:
      'Claims: each over its own current period. Figures, charts and records: {label} ({from} – {to}, {timezone})',
    claimPeriod: 'Claim period',
    liveOn: 'Live: updates every {seconds} s',
    liveUpdated: 'Updated {time}',
    liveFailed: 'Live update failed; retrying',
    noData: 'no data',
    notFound: 'Not found',
    badRequest: 'Bad request',
  },
  ja: {
    appName: 'slawatch',
    skipToContent: '本文へ移動',
    navOverview: '一覧',
    navApi: 'API',
    language: '言語',
    period: '期間',
    periodYear: '年',
    periodQuarter: '四半期',
    periodMonth: '月',
    periodCustom: '期間を指定',
    periodFrom: '開始',
    periodTo: '終了（この日を含まない）',
    periodApply: '表示',
    periodNone: '—',
    periodShown: '{label}（{from}～{to}、{timezone}）を表示中',
    periodNow: '現在：公表値ごとの期間',
    periodShownNow: '公表値：それぞれの現在の期間。実績・グラフ・記録：{label}（{from}～{to}、{timezone}）',
    claimPeriod: '公表値の期間',
    liveOn: '自動更新：{seconds}秒ごと',
    liveUpdated: '{time} に更新',
    liveFailed: '自動更新に失敗しました。再試行します',
    noData: 'データなし',
    notFound: '見つかりません',
    badRequest: '不正なリクエスト',
  },
});

export type CommonMessages = ReturnType<typeof commonMessages>;

// Building an Intl.NumberFormat costs far more than using one: a page formats hundreds of numbers.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${lang}/${minDecimals}/${maxDecimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf[lang], {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** A number per locale (grouping, decimal mark) with at most `maxDecimals` decimals. */
export function formatNumber(lang: Lang, value: number, maxDecimals = 2): string {
  return numberFormat(lang, 0, maxDecimals).format(value);
}

/** A ratio as a percentage with exactly `decimals` decimals, truncated toward zero (never rounded up). */
export function formatPercentTruncated(lang: Lang, ratio: number, decimals: number): string {
  const value = truncateDecimals(ratio * 100, decimals);
  const text = numberFormat(lang, decimals, decimals).format(value);
  return `${text}%`;
}

/** Availability as the dashboard shows it: the claim's decimals plus one (99.99 % → 99.995 %), truncated. */
export function formatAvailability(lang: Lang, ratio: number, claimBound: number | null): string {
  const decimals = claimBound === null ? 3 : percentDecimals(claimBound) + 1;
  return formatPercentTruncated(lang, ratio, decimals);
}

/** A duration in ms for people (42 min, 1 d 2 h; 42分), rounded to `side` against a bound. */
export function formatDuration(lang: Lang, ms: number, side?: RoundingSide): string {
  // Nothing at all reads as minutes (the unit of budgets and downtime), not as "0 ms".
  if (ms === 0) return lang === 'ja' ? '0分' : '0 min';
  return formatDurationText(ms, lang, side);
}

/** Date and time in the service's timezone: 2026-05-03 14:05 (UTC+9 shown by the caller's context). */
export function formatDateTime(lang: Lang, ms: number, timezone: string): string {
  return DateTime.fromMillis(ms, { zone: timezone }).setLocale(localeOf[lang]).toFormat('yyyy-MM-dd HH:mm');
}

/** With seconds, for checks a few seconds apart: 2026-05-03 14:05:30. */
export function formatDateTimeSeconds(lang: Lang, ms: number, timezone: string): string {
  return DateTime.fromMillis(ms, { zone: timezone }).setLocale(localeOf[lang]).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** The calendar date in the service's timezone, locale-styled (2026年5月3日 / May 3, 2026). */
export function formatDate(lang: Lang, ms: number, timezone: string): string {
  return DateTime.fromMillis(ms, { zone: timezone }).setLocale(localeOf[lang]).toLocaleString(DateTime.DATE_MED);
}

/** The ISO date (yyyy-MM-dd) of an instant in a timezone, as date inputs and URLs carry it. */
export function isoDate(ms: number, timezone: string): string {
  return DateTime.fromMillis(ms, { zone: timezone }).toFormat('yyyy-MM-dd');
}
