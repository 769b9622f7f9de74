// The YAML of each notification channel (SPEC §4), in one registry keyed by `notificationTypes`:
// a channel type added there without a schema here does not compile.

import { z } from 'zod';
import { describeValue } from './describe-value.ts';
import { durationMs, httpUrl, id, url } from './scalar-schemas.ts';
import { notificationTypes, type NotificationType } from './types.ts';

const defaultRepeatMs = 4 * 3_600_000; // SPEC §4

/** `alerts@example.com` or `slawatch <alerts@example.com>`. */
function mailbox() {
  const invalid = (input: unknown) => `invalid email address ${describeValue(input)}`;
  return z.string().refine(
    (value) => {
      const address = /^[^<>]*<([^<>]+)>$/.exec(value)?.[1] ?? value;
      return z.email().safeParse(address.trim()).success;
    },
    { error: (issue) => invalid(issue.input) },
  );
}

function channel<T extends NotificationType, S extends z.core.$ZodLooseShape>(type: T, settings: S) {
  return z.strictObject({
    id: id(),
    type: z.literal(type),
    ...settings,
    repeat: durationMs({ minMs: 60_000 }).default(defaultRepeatMs),
  });
}

export const notificationSchemas = {
  // An empty secret (`${HOOK_SECRET:-}`) means none: the body is sent unsigned.
  webhook: channel('webhook', { url: httpUrl(), secret: z.string().optional() }),
  slack: channel('slack', { url: httpUrl() }),
  email: channel('email', { to: z.array(mailbox()).min(1), from: mailbox().optional(), smtp: url(['smtp', 'smtps']) }),
  alertmanager: channel('alertmanager', { url: httpUrl() }),
} satisfies { [T in NotificationType]: z.ZodType<{ type: T }> };

type NotificationSchemaOption = (typeof notificationSchemas)[NotificationType];

export const notificationSchema = z.discriminatedUnion(
  'type',
  notificationTypes.map((type) => notificationSchemas[type]) as unknown as [
    NotificationSchemaOption,
    ...NotificationSchemaOption[],
  ],
);

export type RawNotification = z.output<typeof notificationSchema>;
export type RawNotificationOf<T extends NotificationType> = z.output<(typeof notificationSchemas)[T]>;
