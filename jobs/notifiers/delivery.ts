// The delivery loop over the outbox (db/comms-store.ts `deliveries`): every due message is built
// for its channel and sent; a failure is retried with exponential backoff (30 s, 1 min, 2 min …,
// capped at 1 h) up to maxAttempts, then marked failed. The outbox row is the delivery log.
// Messages are queued in the same transaction as the alert or incident change that caused them,
// so a restart neither loses nor repeats one (a send cut off mid-flight is the only retry).
import type { Store } from '../../db/store.ts';
import type { Delivery } from '../../db/comms-store.ts';
import type { NotificationConfig } from './channel-settings.ts';
import type { Message } from './message.ts';
import type { Outgoing, SendResult } from './notifier.ts';
import { buildOutgoing } from './index.ts';

export interface DeliveryOptions {
  store: Store;
  channels: () => readonly NotificationConfig[];
  send: (outgoing: Outgoing) => Promise<SendResult>;
  nowMs: () => number;
  /** First retry delay; doubles per attempt. Default 30 s. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  maxAttempts?: number;
  /**
   * How long a claimed delivery stays with this sender before it is due again (default 5 min, well
   * over a send's timeout).
   */
  claimMs?: number;
  log?: (level: 'info' | 'warn', line: string) => void;
}

export function backoffMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** Queues one message per channel id, due now. */
export async function enqueueMessage(
  store: Store,
  channelIds: readonly string[],
  subject: string,
  message: Message,
  nowMs: number,
): Promise<string[]> {
  return store.comms.enqueueDeliveries(
    channelIds.map((channelId) => ({
      channelId,
      serviceId: message.serviceId,
      subject,
      messageJson: JSON.stringify(message),
      createdMs: nowMs,
      nextAttemptMs: nowMs,
    })),
  );
}

/** Sends every due delivery once; returns how many were attempted. Any number of processes may run it. */
export async function runDueDeliveries(options: DeliveryOptions): Promise<number> {
  const { store } = options;
  const nowMs = options.nowMs();
  const due = await store.comms.claimDueDeliveries(nowMs, nowMs + (options.claimMs ?? 300_000), 100);
  await Promise.all(due.map((delivery) => attempt(delivery, options)));
  return due.length;
}

async function attempt(delivery: Delivery, options: DeliveryOptions): Promise<void> {
  const channel = options.channels().find((c) => c.id === delivery.channelId);
  const attempts = delivery.attempts + 1;
  if (!channel) {
    await options.store.comms.updateDelivery({
      ...delivery,
      attempts,
      status: 'failed',
      lastError: `channel ${delivery.channelId} is not configured`,
    });
    return;
  }
  const sentAtMs = options.nowMs();
  const result = await options.send(buildOutgoing(channel, JSON.parse(delivery.messageJson) as Message, sentAtMs));
  const doneMs = options.nowMs();
  if (result.ok) {
    await options.store.comms.updateDelivery({
      ...delivery,
      attempts,
      status: 'sent',
      sentMs: doneMs,
      lastError: null,
    });
    return;
  }
  const giveUp = attempts >= (options.maxAttempts ?? 8);
  const next = doneMs + backoffMs(attempts, options.baseBackoffMs ?? 30_000, options.maxBackoffMs ?? 3_600_000);
  options.log?.(
    'warn',
    `delivery ${delivery.id} to ${channel.id} failed (attempt ${attempts}): ` +
      `${result.error}${giveUp ? '; giving up' : ''}`,
  );
  await options.store.comms.updateDelivery({
    ...delivery,
    attempts,
    status: giveUp ? 'failed' : 'pending',
    nextAttemptMs: next,
    lastError: result.error,
  });
}
