// The YAML of a claim (SPEC §1 "Claim", §3): one schema per metric in a registry keyed by
// sla/model.ts's `claimMetrics`. A claim's bound has one direction fixed by its metric, written
// as `min:` (the figure must be at least the bound) or `max:` (at most), in the metric's unit.

import { z } from 'zod';
import { claimMetrics, maintenanceKinds, type ClaimMetric, type ClaimPeriod } from '../../sla/model.ts';
import { metricTraits } from '../../sla/metric-traits.ts';
import { describeValue } from './describe-value.ts';
import { parseDurationMs } from './durations.ts';
import { durationMs, id, integer, percentage, reject, stringOrNumber } from './scalar-schemas.ts';
import { whenValid } from './when-valid.ts';

/** How each metric's bound is written (parsed to a ratio, milliseconds or a count) and an example. */
const claimBounds = {
  availability: { schema: () => percentage(), example: '99.99%' },
  mttr: { schema: () => durationMs(), example: '42m' },
  incident_count: { schema: () => integer(0), example: '27' },
  long_incident_count: { schema: () => integer(0), example: '13' },
  notification_delay: { schema: () => durationMs(), example: '4h' },
  maintenance_notice: { schema: () => durationMs(), example: '7d' },
  backup_freshness: { schema: () => durationMs({ minMs: 1 }), example: '1d' },
  latency: { schema: () => durationMs({ minMs: 1 }), example: '500ms' },
} satisfies Record<ClaimMetric, { schema: () => z.ZodType<number>; example: string }>;

const calendarPeriods = ['year', 'quarter', 'month'] as const;
const minRollingMs = 3_600_000; // figures are rolled up by the hour

/** `year` (default), `quarter`, `month`, or a rolling window such as `30d`. */
function claimPeriod() {
  const invalid = (input: unknown) =>
    `invalid period ${describeValue(input)} (use year, quarter, month or a rolling duration like 30d)`;
  return stringOrNumber(invalid).transform((input, ctx): ClaimPeriod => {
    const calendar = calendarPeriods.find((period) => period === input);
    if (calendar) return { kind: calendar };
    const lengthMs = parseDurationMs(input);
    if (lengthMs === null) return reject(ctx, input, invalid(input));
    if (lengthMs < minRollingMs)
      return reject(ctx, input, `a rolling period must be at least 1h (got ${describeValue(input)})`);
    return { kind: 'rolling', lengthMs };
  });
}

function claim<M extends ClaimMetric, S extends z.core.$ZodLooseShape>(metric: M, extra: S) {
  const direction = metricTraits[metric].direction;
  const bound = claimBounds[metric].schema().optional();
  const unchecked = z.unknown().optional(); // reported below as the wrong direction
  return z
    .strictObject({
      id: id(),
      metric: z.literal(metric),
      min: direction === 'min' ? bound : unchecked,
      max: direction === 'max' ? bound : unchecked,
      period: claimPeriod().default({ kind: 'year' }),
      sheet_row: integer(1).optional(),
      min_coverage: percentage().default(0.99),
      ...extra,
    })
    .superRefine((claimValue, ctx) => {
      const value = claimValue as { min?: unknown; max?: unknown };
      const other = direction === 'min' ? 'max' : 'min';
      const [word, side] = direction === 'min' ? ['least', 'lower'] : ['most', 'upper'];
      if (value[other] !== undefined) {
        const why = `the measured figure must be at ${word} the bound`;
        const message = `${metric} claims take ${direction}, not ${other} (${why})`;
        ctx.addIssue({ code: 'custom', path: [other], message });
      } else if (value[direction] === undefined) {
        const example = `${direction}: ${claimBounds[metric].example}`;
        const message = `required (${metric} claims are ${side} bounds, e.g. ${example})`;
        ctx.addIssue({ code: 'custom', path: [direction], message });
      }
    }, whenValid(direction));
}

export const claimSchemas = {
  availability: claim('availability', {}),
  mttr: claim('mttr', {}),
  incident_count: claim('incident_count', {}),
  long_incident_count: claim('long_incident_count', {}),
  notification_delay: claim('notification_delay', {}),
  /** Without `kind`, the bound applies to windows of both kinds. */
  maintenance_notice: claim('maintenance_notice', { kind: z.enum(maintenanceKinds).optional() }),
  /** `monitor` names a push monitor of the same service (checked in check-references.ts). */
  backup_freshness: claim('backup_freshness', { monitor: id() }),
  latency: claim('latency', { percentile: z.literal([50, 95, 99]).default(95) }),
} satisfies { [M in ClaimMetric]: z.ZodType<{ metric: M }> };

type ClaimSchemaOption = (typeof claimSchemas)[ClaimMetric];

export const claimSchema = z.discriminatedUnion(
  'metric',
  claimMetrics.map((metric) => claimSchemas[metric]) as unknown as [ClaimSchemaOption, ...ClaimSchemaOption[]],
);

export type RawClaim = z.output<typeof claimSchema>;
