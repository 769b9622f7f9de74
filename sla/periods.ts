// Calendar periods cut in an IANA timezone (SPEC §2.7: "to is exclusive, cut in the service's
// tz"). luxon resolves each local midnight to its instant, so DST changes give 23- or 25-hour days.
import { DateTime } from 'luxon';

export interface Period {
  fromMs: number;
  toMs: number;
  label: string;
}

function localStartMs(timezone: string, year: number, month: number, day = 1): number {
  const dt = DateTime.fromObject({ year, month, day }, { zone: timezone });
  if (!dt.isValid)
    throw new Error(`invalid date ${year}-${month}-${day} in timezone ${timezone}: ${dt.invalidExplanation}`);
  return dt.toMillis();
}

export function periodOfYear(timezone: string, year: number): Period {
  return { fromMs: localStartMs(timezone, year, 1), toMs: localStartMs(timezone, year + 1, 1), label: String(year) };
}

export function periodOfQuarter(timezone: string, year: number, quarter: number): Period {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new Error(`quarter must be 1-4, got ${quarter}`);
  const month = (quarter - 1) * 3 + 1;
  const end = quarter === 4 ? localStartMs(timezone, year + 1, 1) : localStartMs(timezone, year, month + 3);
  return { fromMs: localStartMs(timezone, year, month), toMs: end, label: `${year}-Q${quarter}` };
}

export function periodOfMonth(timezone: string, year: number, month: number): Period {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`month must be 1-12, got ${month}`);
  const end = month === 12 ? localStartMs(timezone, year + 1, 1) : localStartMs(timezone, year, month + 1);
  return { fromMs: localStartMs(timezone, year, month), toMs: end, label: `${year}-${String(month).padStart(2, '0')}` };
}

/** '2026', '2026-Q2' or '2026-05'. */
export function parsePeriodLabel(label: string, timezone: string): Period {
  const year = /^(\d{4})$/.exec(label);
  if (year) return periodOfYear(timezone, Number(year[1]));
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(label);
  if (quarter) return periodOfQuarter(timezone, Number(quarter[1]), Number(quarter[2]));
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12)
    return periodOfMonth(timezone, Number(month[1]), Number(month[2]));
  throw new Error(`invalid period "${label}": use a year (2026), a quarter (2026-Q2) or a month (2026-05)`);
}

/** The calendar year an instant falls in, on the wall clock of the timezone (not UTC's). */
export function yearContaining(timezone: string, atMs: number): number {
  return DateTime.fromMillis(atMs, { zone: timezone }).year;
}

/** The calendar period of a claim's kind that contains an instant (rolling: the window ending then). */
export function periodContaining(kind: 'year' | 'quarter' | 'month', timezone: string, atMs: number): Period {
  const local = DateTime.fromMillis(atMs, { zone: timezone });
  if (kind === 'year') return periodOfYear(timezone, local.year);
  if (kind === 'quarter') return periodOfQuarter(timezone, local.year, Math.ceil(local.month / 3));
  return periodOfMonth(timezone, local.year, local.month);
}
