// The check sheet with a year's measured answers (the yearly export), as plain data that each
// format renders. Pure. Every row stays as it is in the template except the answer cell of a row
// that a claim answers: a yearly actual (availability, MTTR, counts) has its claimed figure and
// year replaced where they stood ("2022年実績で…稼働率99.99%" → "2026年実績で…稼働率99.998%"); a
// promise (notification time, notice, backups, response time) keeps its words and gains the year's
// measured result in the sheet's own language. Three columns are added: claimed, measured, status.
import type { ClaimEvaluation, ClaimStatus } from '../../sla/claim-status.ts';
import type { ClaimMetric } from '../../sla/model.ts';
import type { Sheet } from '../sheets/read-sheet.ts';
import type { SheetClaim, SheetReading } from '../sheets/extract-claims.ts';
import { isHeaderRow, sheetRowNumber } from '../sheets/sheet-layout.ts';
import { findYear, isJapanese, type Span } from '../sheets/sheet-text.ts';
import { formatSheetBound, formatSheetValue, sheetNotes } from './sheet-values.ts';
import { maintenanceKindWords, metricWords, statusWords, type Lang } from '../../sla/claim-words.ts';
import { countMetrics } from '../../sla/metric-traits.ts';

export interface FilledRow {
  line: number;
  cells: string[];
  /** claimed, measured, status; null on rows no claim answers. */
  extra: [string, string, string] | null;
  /** The worst status of the row's claims (for colours). */
  status: ClaimStatus | null;
  header: boolean;
  answered: boolean;
}

export interface FilledSheet {
  lang: Lang;
  answerColumn: number;
  itemColumn: number;
  numberColumn: number | null;
  width: number;
  extraHeaders: [string, string, string];
  rows: FilledRow[];
  notes: string[];
}

export interface FillInput {
  sheet: Sheet;
  reading: SheetReading;
  evaluations: readonly ClaimEvaluation[];
  year: number;
  lang: Lang;
  timezone: string;
  frozenMonths: number[];
  generatedAt: string;
}

/** The three added cells of a row: the column names on a header row, else the row's figures (null if none). */
export function addedCells(sheet: FilledSheet, row: FilledRow): [string, string, string] | null {
  return row.header ? sheet.extraHeaders : row.extra;
}

/** How a sheet answers each metric: a yearly actual, whose figure is replaced, or a promise, which gains a result. */
const answerKinds: Record<ClaimMetric, 'actual' | 'promise'> = {
  availability: 'actual',
  mttr: 'actual',
  incident_count: 'actual',
  long_incident_count: 'actual',
  notification_delay: 'promise',
  maintenance_notice: 'promise',
  backup_freshness: 'promise',
  latency: 'promise',
};
const statusOrder: ClaimStatus[] = ['breached', 'insufficient_data', 'at_risk', 'met'];

export const extraHeaders: Record<Lang, [string, string, string]> = {
  ja: ['目標値', '実績値', '判定'],
  en: ['Claimed', 'Measured', 'Status'],
};

function measuredText(e: ClaimEvaluation, lang: Lang): string {
  return e.measured === null
    ? lang === 'ja'
      ? '測定データなし'
      : 'no data'
    : formatSheetValue(e.claim, e.measured, lang);
}

/** The measured figure where the claimed one stood: a count's span is its digits only ("27" of "27件"). */
function inPlace(e: ClaimEvaluation, lang: Lang): string {
  const count = countMetrics.has(e.claim.metric);
  if (e.measured === null) return count ? '—' : measuredText(e, lang);
  return count ? String(e.measured) : measuredText(e, lang);
}

/** A label heading a figure in a cell of several: "障害件数：", "incidents: ". */
function labelled(metric: ClaimMetric, lang: Lang): string {
  return `${metricWords[metric].label[lang]}${lang === 'ja' ? '：' : ': '}`;
}

function replaceSpans(text: string, replacements: Array<Span & { text: string }>): string {
  let out = text;
  for (const r of [...replacements].sort((a, b) => b.start - a.start))
    out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

function resultSentence(e: ClaimEvaluation, year: number, lang: Lang): string {
  const kind = e.claim.kind ? maintenanceKindWords[e.claim.kind].long[lang] : null;
  const label = metricWords[e.claim.metric].label[lang];
  const value = measuredText(e, lang);
  return lang === 'ja'
    ? `${year}年実績：${label}${kind ? `（${kind}）` : ''}${value}（${statusWords[e.status].ja}）。`
    : `${year} actual: ${label}${kind ? ` (${kind})` : ''} ${value} (${statusWords[e.status].en}).`;
}

/** The answer of one row with its claims' measured figures written in. */
export function fillAnswer(
  answer: string,
  rowClaims: readonly SheetClaim[],
  evaluations: readonly ClaimEvaluation[],
  year: number,
): string {
  const lang: Lang = isJapanese(answer) ? 'ja' : 'en';
  const replacements: Array<Span & { text: string }> = [];
  const appended: string[] = [];
  for (const e of evaluations) {
    const read = rowClaims.find((c) => c.metric === e.claim.metric && c.kind === e.claim.kind);
    if (read && answerKinds[e.claim.metric] === 'actual') replacements.push({ ...read.span, text: inPlace(e, lang) });
    else appended.push(resultSentence(e, year, lang));
  }
  if (replacements.length > 0) {
    const y = findYear(answer);
    if (y && !replacements.some((r) => r.start < y.end && y.start < r.end))
      replacements.push({ ...y, text: String(year) });
    else if (!y) replacements.push({ start: 0, end: 0, text: lang === 'ja' ? `${year}年実績：` : `${year} actual: ` });
  }
  const filled = replaceSpans(answer, replacements);
  return appended.length === 0 ? filled : `${filled}${filled.trim() === '' ? '' : ' '}${appended.join(' ')}`;
}

/**
 * The row each claim answers: the row its figure was read from (same metric and kind), else the
 * row whose number is the claim's sheet_row. A claim of neither stays out of the sheet.
 */
function evaluationLines(input: FillInput): Map<ClaimEvaluation, number> {
  const { layout } = input.reading;
  const byNumber = new Map<number, number>();
  for (const row of input.sheet.rows) {
    if (row.line <= layout.headerLine || isHeaderRow(layout, row)) continue;
    const number = sheetRowNumber(layout, row);
    if (number !== null && !byNumber.has(number)) byNumber.set(number, row.line);
  }
  const out = new Map<ClaimEvaluation, number>();
  for (const e of input.evaluations) {
    const read = input.reading.claims.find((c) => c.metric === e.claim.metric && c.kind === e.claim.kind);
    const line = read?.line ?? (e.claim.sheetRow === null ? undefined : byNumber.get(e.claim.sheetRow));
    if (line !== undefined) out.set(e, line);
  }
  return out;
}

export function fillSheet(input: FillInput): FilledSheet {
  const { sheet, reading, lang } = input;
  const { layout } = reading;
  const width = Math.max(...sheet.rows.map((r) => r.cells.length), layout.headerCells.length);
  const lineOf = evaluationLines(input);
  const rows = sheet.rows.map((row): FilledRow => {
    const header = row.line >= layout.headerLine && isHeaderRow(layout, row);
    const evaluations = input.evaluations.filter((e) => lineOf.get(e) === row.line);
    const cells = [...row.cells, ...Array<string>(Math.max(0, width - row.cells.length)).fill('')];
    if (evaluations.length === 0) return { line: row.line, cells, extra: null, status: null, header, answered: false };
    const rowClaims = reading.claims.filter((c) => c.line === row.line);
    cells[layout.answerColumn] = fillAnswer(row.cells[layout.answerColumn] ?? '', rowClaims, evaluations, input.year);
    const join = (f: (e: ClaimEvaluation) => string) => evaluations.map(f).join('\n');
    return {
      line: row.line,
      cells,
      extra: [
        join((e) => formatSheetBound(e.claim, lang)),
        join((e) => `${evaluations.length > 1 ? labelled(e.claim.metric, lang) : ''}${measuredText(e, lang)}`),
        join((e) => statusWords[e.status][lang]),
      ],
      status: statusOrder.find((s) => evaluations.some((e) => e.status === s)) ?? null,
      header,
      answered: true,
    };
  });
  return {
    lang,
    answerColumn: layout.answerColumn,
    itemColumn: layout.itemColumn,
    numberColumn: layout.numberColumn,
    width,
    extraHeaders: extraHeaders[lang],
    rows,
    notes: sheetNotes(lang, {
      year: input.year,
      timezone: input.timezone,
      frozenMonths: input.frozenMonths,
      generatedAt: input.generatedAt,
    }),
  };
}
