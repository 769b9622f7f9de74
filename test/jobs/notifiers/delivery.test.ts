// Delivery over real loopback receivers: a signed webhook, an email through a real SMTP server
// (smtp-server), retries with backoff after failures, and the delivery log, on both stores.
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueMessage, runDueDeliveries, backoffMs } from '../../../jobs/notifiers/delivery.ts';
import { sendOutgoing } from '../../../jobs/notifiers/transports.ts';
import type { NotificationConfig } from '../../../jobs/notifiers/channel-settings.ts';
import { openTestStore, testStores, type TestStore } from '../../db/test-stores.ts';
import { startHttpReceiver, startSmtpReceiver, type HttpReceiver, type SmtpReceiver } from './receivers.ts';
import { burnAlert } from './messages.ts';

describe('backoff', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [8, 3_600_000],
  ])('attempt %i waits %i ms', (attempts, ms) => {
    // 30 s × 2^(n−1), capped at 1 h: 30, 60, 120 s … 30 × 128 = 3,840 s > 3,600 s.
    expect(backoffMs(attempts, 30_000, 3_600_000)).toBe(ms);
  });
});

describe.each(testStores.map((f) => [f.title, f] as const))('%s delivery', (_title, factory) => {
  let db: TestStore;
  let hook: HttpReceiver;
  let smtp: SmtpReceiver;
  let now = Date.parse('2026-03-02T00:01:00Z');
  let channels: NotificationConfig[];
  beforeEach(async (ctx) => {
    if (factory.skipReason) ctx.skip();
    db = await openTestStore(factory);
    hook = await startHttpReceiver();
    smtp = await startSmtpReceiver();
    channels = [
      { id: 'hook', type: 'webhook', url: `${hook.url}/hook`, secret: 'k', repeatMs: 3_600_000 },
      {
        id: 'mail',
        type: 'email',
        to: ['ops@example.com'],
        from: 'slawatch <alerts@example.com>',
        smtpUrl: smtp.url,
        repeatMs: 3_600_000,
      },
    ];
  });
  afterEach(async () => {
    await hook?.close();
    await smtp?.close();
    await db?.cleanup();
  });

  const run = () =>
    runDueDeliveries({
      store: db.store,
      channels: () => channels,
      send: (o) => sendOutgoing(o, { timeoutMs: 5_000 }),
      nowMs: () => now,
      baseBackoffMs: 1_000,
      maxAttempts: 3,
    });

  it('delivers a signed webhook and an email, and logs both as sent', async () => {
    await enqueueMessage(db.store, ['hook', 'mail'], 'alert:1', burnAlert, now);
    expect(await run()).toBe(2);
    expect(hook.received).toHaveLength(1);
    const request = hook.received[0]!;
    expect(request.path).toBe('/hook');
    expect(request.headers['x-slawatch-signature']).toBe(
      `sha256=${crypto.createHmac('sha256', 'k').update(request.body).digest('hex')}`,
    );
    expect(JSON.parse(request.body)).toMatchObject({
      serviceId: 'shop',
      name: 'availability_burn_page_1h',
      severity: 'page',
      status: 'firing',
      claimId: 'availability',
    });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['ops@example.com']);
    expect(mail.from).toBe('alerts@example.com');
    expect(mail.raw).toMatch(/^Subject: \[FIRING page\] Shop: availability_burn_page_1h$/m);
    expect(mail.raw).toContain('alert: availability_burn_page_1h (page)');
    const log = await db.store.comms.listDeliveries({ subject: 'alert:1' });
    expect(log.map((d) => [d.channelId, d.status, d.attempts]).sort()).toEqual([
      ['hook', 'sent', 1],
      ['mail', 'sent', 1],
    ]);
    expect(await run()).toBe(0);
  });

  it('retries a failing receiver with backoff, then gives up after maxAttempts', async () => {
    hook.script.push(500, 503, 500);
    await enqueueMessage(db.store, ['hook'], 'alert:2', burnAlert, now);
    await run();
    let [d] = await db.store.comms.listDeliveries({ subject: 'alert:2' });
    expect(d).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptMs: now + 1_000,
      lastError: 'HTTP 500: try later',
    });
    now += 999;
    expect(await run()).toBe(0); // not due before its backoff
    now += 1;
    await run();
    [d] = await db.store.comms.listDeliveries({ subject: 'alert:2' });
    expect(d).toMatchObject({ status: 'pending', attempts: 2, nextAttemptMs: now + 2_000 });
    now += 2_000;
    await run();
    [d] = await db.store.comms.listDeliveries({ subject: 'alert:2' });
    expect(d).toMatchObject({ status: 'failed', attempts: 3 });
    expect(hook.received).toHaveLength(3);
  });

  it('a receiver that recovers gets the message on a retry', async () => {
    hook.script.push(502);
    await enqueueMessage(db.store, ['hook'], 'alert:3', burnAlert, now);
    await run();
    now += 1_000;
    await run();
    const [d] = await db.store.comms.listDeliveries({ subject: 'alert:3' });
    expect(d).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('an unreachable SMTP server is a failure value, retried', async () => {
    await smtp.close();
    channels[1] = { ...channels[1]!, smtpUrl: smtp.url } as NotificationConfig;
    await enqueueMessage(db.store, ['mail'], 'alert:4', burnAlert, now);
    await run();
    const [d] = await db.store.comms.listDeliveries({ subject: 'alert:4' });
    expect(d!.status).toBe('pending');
    expect(d!.lastError).toMatch(/ECONNREFUSED/);
  });

  it('a channel no longer configured fails at once', async () => {
    await enqueueMessage(db.store, ['gone'], 'alert:5', burnAlert, now);
    await run();
    const [d] = await db.store.comms.listDeliveries({ subject: 'alert:5' });
    expect(d).toMatchObject({ status: 'failed', lastError: 'channel gone is not configured' });
  });
});
