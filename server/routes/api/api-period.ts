// The period of an API request: `?year=2025` (SPEC §5), or the pages' `?period=2025-Q2`, or
// `?from=…&to=…`. A bad one is a 400 with the parameter and the reason.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { parsePeriodQuery, resolvePeriod, type PeriodSelection } from '../../pages/period-query.ts';

export interface ApiPeriod {
  selection: PeriodSelection;
  fromMs: number;
  toMs: number;
}

export function apiPeriodOf(c: Context, timezone: string, nowMs: number): ApiPeriod {
  const year = c.req.query('year');
  const period = c.req.query('period');
  if (year !== undefined && period !== undefined)
    throw new HTTPException(400, { message: 'give either year= or period=, not both' });
  if (year !== undefined && !/^\d{4}$/.test(year))
    throw new HTTPException(400, { message: `year: "${year}" is not a four-digit year` });
  const parsed = parsePeriodQuery(
    { period: year ?? period, from: c.req.query('from'), to: c.req.query('to') },
    nowMs,
    timezone,
  );
  if (!parsed.ok) throw new HTTPException(400, { message: parsed.message });
  return { selection: parsed.selection, ...resolvePeriod(parsed.selection, timezone) };
}

export const periodParameters = [
  {
    name: 'year',
    in: 'query',
    schema: { type: 'string', pattern: '^\\d{4}$' },
    description: 'A calendar year in the service timezone.',
  },
  {
    name: 'period',
    in: 'query',
    schema: { type: 'string', pattern: '^\\d{4}(-Q[1-4]|-\\d{2})?$' },
    description: 'A year (2025), quarter (2025-Q2) or month (2025-05) in the service timezone.',
  },
  {
    name: 'from',
    in: 'query',
    schema: { type: 'string' },
    description:
      'Start of a custom range: a date (local midnight in the service timezone) or an ISO instant with offset. ' +
      'With `to`.',
  },
  {
    name: 'to',
    in: 'query',
    schema: { type: 'string' },
    description: 'End of a custom range, exclusive. With `from`.',
  },
] as const;
