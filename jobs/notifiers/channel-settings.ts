// The settings of each notification channel type (SPEC §4) as the config loader hands them over.
// `notificationTypes` drives the config schema (server/config/notification-schemas.ts) and the
// notifier registry (index.ts): a type added here without both does not compile.

export const notificationTypes = ['webhook', 'slack', 'email', 'alertmanager'] as const;
export type NotificationType = (typeof notificationTypes)[number];

export type NotificationConfig = NotificationConfigByType[NotificationType];

export interface NotificationConfigByType {
  webhook: ChannelCommon & {
    type: 'webhook';
    url: string /** HMAC key for signing the body. */;
    secret: string | null;
  };
  slack: ChannelCommon & { type: 'slack'; url: string };
  email: ChannelCommon & { type: 'email'; to: string[]; from: string | null; smtpUrl: string };
  alertmanager: ChannelCommon & { type: 'alertmanager'; url: string };
}

interface ChannelCommon {
  id: string;
  /** An active alert is sent again at most this often (SPEC §4 `repeat`, default 4h). */
  repeatMs: number;
}
