// Each channel's payload builder is pure: the same message gives the same bytes (snapshots), and
// the webhook signature is the HMAC-SHA256 of the exact body.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { notifiers } from '../../../jobs/notifiers/index.ts';
import type { Message } from '../../../jobs/notifiers/message.ts';
import { burnAlert } from './messages.ts';
import { signatureHeader } from '../../../jobs/notifiers/webhook.ts';

const sentAtMs = Date.parse('2026-03-02T00:01:00Z');

const resolvedIncident: Message = {
  kind: 'incident',
  serviceId: 'shop',
  serviceName: 'Shop',
  name: 'incident',
  severity: null,
  status: 'resolved',
  claimId: null,
  summary: 'Checkout unavailable',
  subject: '12',
  startsAt: '2026-03-02T00:00:00.000Z',
  endsAt: '2026-03-02T00:42:00.000Z',
  details: 'A database failover; service restored at 00:42 UTC.',
  repeat: false,
};

describe('payload builders', () => {
  it('webhook: the message as JSON, signed with HMAC-SHA256 of the body', () => {
    const out = notifiers.webhook.build(
      { id: 'hook', type: 'webhook', url: 'http://127.0.0.1:9/h', secret: 's3cret', repeatMs: 1 },
      burnAlert,
      sentAtMs,
    );
    if (out.transport !== 'http') throw new Error('http expected');
    // The signature checked independently of the builder.
    expect(out.headers[signatureHeader]).toBe(
      `sha256=${crypto.createHmac('sha256', 's3cret').update(out.body).digest('hex')}`,
    );
    expect(JSON.parse(out.body)).toMatchObject({
      serviceId: 'shop',
      name: 'availability_burn_page_1h',
      severity: 'page',
      status: 'firing',
      claimId: 'availability',
      summary: burnAlert.summary,
    });
    // The exact bytes, key order included; the summary is the fixture's own text.
    expect(out.body).toBe(
      JSON.stringify({
        version: 1,
        sentAt: '2026-03-02T00:01:00.000Z',
        kind: 'alert',
        serviceId: 'shop',
        serviceName: 'Shop',
        name: 'availability_burn_page_1h',
        severity: 'page',
        status: 'firing',
        claimId: 'availability',
        summary: burnAlert.summary,
        subject: 'availability_burn_page_1h:availability',
        startsAt: '2026-03-02T00:00:51.840Z',
        endsAt: null,
        details: null,
        repeat: false,
      }),
    );
  });

  it('webhook without a secret is unsigned', () => {
    const out = notifiers.webhook.build(
      { id: 'hook', type: 'webhook', url: 'http://127.0.0.1:9/h', secret: null, repeatMs: 1 },
      burnAlert,
      sentAtMs,
    );
    expect(out.transport === 'http' && out.headers[signatureHeader]).toBe(undefined);
  });

  it('slack: a title line and the details as an attachment', () => {
    const out = notifiers.slack.build(
      { id: 'ops', type: 'slack', url: 'http://127.0.0.1:9/s', repeatMs: 1 },
      burnAlert,
      sentAtMs,
    );
    expect(out.transport === 'http' && JSON.parse(out.body)).toEqual({
      attachments: [
        {
          color: '#d62728',
          mrkdwn_in: ['text'],
          text: [
            burnAlert.summary,
            '',
            'service: shop',
            'alert: availability_burn_page_1h (page)',
            'status: firing',
            'claim: availability',
            'since: 2026-03-02T00:00:51.840Z',
          ].join('\n'),
        },
      ],
      text: '[FIRING page] Shop: availability_burn_page_1h',
    });
  });

  it('email: subject and plain text', () => {
    const out = notifiers.email.build(
      {
        id: 'customers',
        type: 'email',
        to: ['sla@example.com'],
        from: null,
        smtpUrl: 'smtp://127.0.0.1:25',
        repeatMs: 1,
      },
      resolvedIncident,
      sentAtMs,
    );
    expect(out.transport === 'smtp' && out.mail).toMatchInlineSnapshot(`
      {
        "from": "slawatch <slawatch@localhost>",
        "subject": "[RESOLVED] Shop: Checkout unavailable",
        "text": "Checkout unavailable

      service: shop
      incident: 12
      status: resolved
      since: 2026-03-02T00:00:00.000Z
      resolved: 2026-03-02T00:42:00.000Z

      A database failover; service restored at 00:42 UTC.",
        "to": [
          "sla@example.com",
        ],
      }
    `);
  });

  it('alertmanager: one postable alert to /api/v2/alerts, resolved with endsAt', () => {
    const firing = notifiers.alertmanager.build(
      { id: 'am', type: 'alertmanager', url: 'http://127.0.0.1:9093/', repeatMs: 1 },
      burnAlert,
      sentAtMs,
    );
    expect(firing.transport === 'http' && firing.url).toBe('http://127.0.0.1:9093/api/v2/alerts');
    expect(firing.transport === 'http' && JSON.parse(firing.body)).toEqual([
      {
        annotations: { summary: burnAlert.summary },
        labels: {
          alertname: 'availability_burn_page_1h',
          claim: 'availability',
          kind: 'alert',
          service: 'shop',
          severity: 'page',
          source: 'slawatch',
          subject: 'availability_burn_page_1h:availability',
        },
        startsAt: '2026-03-02T00:00:51.840Z',
      },
    ]);
    const resolved = notifiers.alertmanager.build(
      { id: 'am', type: 'alertmanager', url: 'http://127.0.0.1:9093', repeatMs: 1 },
      { ...burnAlert, status: 'resolved', endsAt: '2026-03-02T00:09:00.000Z' },
      sentAtMs,
    );
    expect(resolved.transport === 'http' && JSON.parse(resolved.body)[0].endsAt).toBe('2026-03-02T00:09:00.000Z');
  });
});
