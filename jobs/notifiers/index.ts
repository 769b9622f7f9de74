// The notifier registry (STYLE 1): one entry per `notificationTypes`, so a channel type without a
// notifier does not compile.
import type { NotificationConfig, NotificationType } from './channel-settings.ts';
import type { Message } from './message.ts';
import type { Notifier, Outgoing } from './notifier.ts';
import { webhookNotifier } from './webhook.ts';
import { slackNotifier } from './slack.ts';
import { emailNotifier } from './email.ts';
import { alertmanagerNotifier } from './alertmanager.ts';

export const notifiers: { [T in NotificationType]: Notifier<T> } = {
  webhook: webhookNotifier,
  slack: slackNotifier,
  email: emailNotifier,
  alertmanager: alertmanagerNotifier,
};

export function buildOutgoing(channel: NotificationConfig, message: Message, sentAtMs: number): Outgoing {
  return (notifiers[channel.type] as Notifier<typeof channel.type>).build(channel as never, message, sentAtMs);
}
