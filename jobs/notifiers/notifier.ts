// The seam of a channel type: a pure payload builder and the transport it goes out on. A failed
// send is a value (STYLE 4), so the delivery loop can retry it.
import type { Message } from './message.ts';
import type { NotificationConfigByType, NotificationType } from './channel-settings.ts';

export interface HttpOutgoing {
  transport: 'http';
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface SmtpOutgoing {
  transport: 'smtp';
  smtpUrl: string;
  mail: { from: string; to: string[]; subject: string; text: string };
}

export type Outgoing = HttpOutgoing | SmtpOutgoing;

export type SendResult = { ok: true; detail: string } | { ok: false; error: string };

export interface Notifier<T extends NotificationType> {
  /** Pure: the request for this message on this channel, sent at sentAtMs. */
  build(channel: NotificationConfigByType[T], message: Message, sentAtMs: number): Outgoing;
}

export const defaultFromAddress = 'slawatch <slawatch@localhost>';
