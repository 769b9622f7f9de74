// Generic webhook: the message as JSON. With a secret, `X-Slawatch-Signature: sha256=<hex>` is the
// HMAC-SHA256 of the exact body, so a receiver verifies what it got (and `sentAt` inside it lets
// it refuse replays).
import crypto from 'node:crypto';
import type { Notifier } from './notifier.ts';

export const signatureHeader = 'x-slawatch-signature';

export function signBody(secret: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export const webhookNotifier = {
  build(channel, message, sentAtMs) {
    const body = JSON.stringify({ version: 1, sentAt: new Date(sentAtMs).toISOString(), ...message });
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'slawatch' };
    if (channel.secret) headers[signatureHeader] = signBody(channel.secret, body);
    return { transport: 'http', url: channel.url, headers, body };
  },
} satisfies Notifier<'webhook'>;
