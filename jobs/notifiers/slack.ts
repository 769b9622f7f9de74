// Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat accept `text` with mrkdwn).
import { messageText, messageTitle } from './message.ts';
import type { Notifier } from './notifier.ts';

const colors = { firing: { page: '#d62728', ticket: '#ff7f0e', none: '#1f77b4' }, resolved: '#2ca02c' } as const;

export const slackNotifier = {
  build(channel, message) {
    const color = message.status === 'resolved' ? colors.resolved : colors.firing[message.severity ?? 'none'];
    const body = JSON.stringify({
      text: messageTitle(message),
      attachments: [{ color, text: messageText(message), mrkdwn_in: ['text'] }],
    });
    return { transport: 'http', url: channel.url, headers: { 'content-type': 'application/json' }, body };
  },
} satisfies Notifier<'slack'>;
