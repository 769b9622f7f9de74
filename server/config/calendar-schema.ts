// The service calendar (SPEC §1, check-sheet row 1 "service hours"): omitted or `24x7`, or weekly
// windows in the service's timezone such as `{ days: weekdays, from: '09:00', to: '18:00' }`.
// Planned time P (SPEC §2.6) only counts time inside it.

import { z } from 'zod';
import type { CalendarWindow } from '../../sla/model.ts';
import { describeValue } from './describe-value.ts';
import { reject } from './scalar-schemas.ts';
import { whenValid } from './when-valid.ts';

export const dayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const dayGroups: Record<string, readonly (typeof dayNames)[number][]> = {
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  weekends: ['sat', 'sun'],
  daily: dayNames,
};

/** `HH:MM` as minutes after midnight; `24:00` (1440) only where `endOfDay` allows it. */
function clockMinutes(endOfDay: boolean) {
  const invalid = (input: unknown) =>
    `invalid time of day ${describeValue(input)} (use HH:MM, e.g. '09:00'${endOfDay ? " or '24:00'" : ''})`;
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : invalid(issue.input)) })
    .transform((input, ctx) => {
      const match = /^(\d{1,2}):(\d{2})$/.exec(input);
      const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
      const valid = match !== null && Number(match[2]) < 60 && (minutes < 1440 || (endOfDay && minutes === 1440));
      return valid ? minutes : reject(ctx, input, invalid(input));
    });
}

const days = z.preprocess(
  (input) => (typeof input === 'string' && dayGroups[input] ? dayGroups[input] : input),
  z
    .array(z.enum(dayNames), {
      error: (issue) =>
        `expected a list of days (mon … sun) or weekdays, weekends, daily, got ${describeValue(issue.input)}`,
    })
    .min(1),
);

const calendarWindow = z
  .strictObject({ days, from: clockMinutes(false), to: clockMinutes(true) })
  .superRefine((value, ctx) => {
    value.days.forEach((day, index) => {
      if (value.days.indexOf(day) !== index)
        ctx.addIssue({ code: 'custom', path: ['days', index], message: `${day} is listed twice` });
    });
  }, whenValid('days'))
  .superRefine(
    (value, ctx) => {
      if (value.to <= value.from) {
        const message = 'must be after from (a window that crosses midnight is written as two windows)';
        ctx.addIssue({ code: 'custom', path: ['to'], message });
      }
    },
    whenValid('from', 'to'),
  )
  .transform(
    (value): CalendarWindow => ({
      days: value.days.map((day) => dayNames.indexOf(day) + 1).sort((a, b) => a - b),
      startMinute: value.from,
      endMinute: value.to,
    }),
  );

/** null: 24x7. */
export const calendarSchema = z.preprocess(
  (input) => (input === '24x7' ? null : input),
  z
    .array(calendarWindow, {
      error: (issue) => `expected 24x7 or a list of { days, from, to } windows, got ${describeValue(issue.input)}`,
    })
    .min(1)
    .nullable(),
);
