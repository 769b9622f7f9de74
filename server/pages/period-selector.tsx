// The period selector of every page: year, quarter, month and earlier years in one
// list, and a custom range. Plain GET forms, so it works without JavaScript; web/ submits the list
// on change. Hidden fields keep the language.
import type { PageContext } from './page-context.ts';
import { yearContaining } from '../../sla/periods.ts';

/** Years offered: this one and this many before it. */
export const earlierYearsShown = 5;

const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const optionLabel = {
  year: (ctx: PageContext, year: number) => (ctx.lang === 'ja' ? `${year}年` : `${year} (${ctx.t.periodYear})`),
  quarter: (ctx: PageContext, year: number, q: number) =>
    ctx.lang === 'ja' ? `${year}年 第${q}四半期` : `${year} Q${q}`,
  month: (ctx: PageContext, year: number, m: number) =>
    ctx.lang === 'ja' ? `${year}年${m}月` : `${monthsEn[m - 1]} ${year}`,
};

export function PeriodSelector({ ctx }: { ctx: PageContext }) {
  const { t, selection } = ctx;
  const thisYear = yearContaining(ctx.timezone, ctx.nowMs);
  const years = Array.from({ length: earlierYearsShown + 1 }, (_, i) => thisYear - i);
  const current = selection.kind === 'range' || selection.kind === 'current' ? '' : selection.label;
  const option = (value: string, label: string) => (
    <option value={value} selected={value === current}>
      {label}
    </option>
  );
  return (
    <div class="period-selector">
      <form method="get" action={ctx.path} class="period-form" data-autosubmit>
        <input type="hidden" name="lang" value={ctx.lang} />
        <label for="period-select">{t.period}</label>
        <select id="period-select" name="period">
          {selection.kind === 'range' ? (
            <option value="" selected>
              {selection.label}
            </option>
          ) : (
            <option value="" selected={selection.kind === 'current'}>
              {t.periodNow}
            </option>
          )}
          {years.map((year) => (
            <optgroup label={String(year)}>
              {option(String(year), optionLabel.year(ctx, year))}
              {[1, 2, 3, 4].map((q) => option(`${year}-Q${q}`, optionLabel.quarter(ctx, year, q)))}
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) =>
                option(`${year}-${String(m).padStart(2, '0')}`, optionLabel.month(ctx, year, m)),
              )}
            </optgroup>
          ))}
        </select>
        <button type="submit">{t.periodApply}</button>
      </form>
      <details class="period-custom" open={selection.kind === 'range'}>
        <summary>{t.periodCustom}</summary>
        <form method="get" action={ctx.path} class="range-form">
          <input type="hidden" name="lang" value={ctx.lang} />
          <label>
            {t.periodFrom}{' '}
            <input
              type="date"
              name="from"
              required
              value={selection.kind === 'range' ? selection.from.slice(0, 10) : ''}
            />
          </label>
          <label>
            {t.periodTo}{' '}
            <input type="date" name="to" required value={selection.kind === 'range' ? selection.to.slice(0, 10) : ''} />
          </label>
          <button type="submit">{t.periodApply}</button>
        </form>
      </details>
    </div>
  );
}
