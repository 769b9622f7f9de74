// Alertmanager-compatible webhook out: POST <url>/api/v2/alerts with one postable alert, so an
// existing Alertmanager routes, groups and silences slawatch's alerts like its own. A resolved
// message carries endsAt; Alertmanager then resolves the alert with those labels.
import type { Notifier } from './notifier.ts';

export const alertmanagerNotifier = {
  build(channel, message, sentAtMs) {
    const labels: Record<string, string> = {
      alertname: message.name,
      service: message.serviceId,
      source: 'slawatch',
      kind: message.kind,
    };
    if (message.severity) labels.severity = message.severity;
    if (message.claimId) labels.claim = message.claimId;
    labels.subject = message.subject;
    const alert: Record<string, unknown> = {
      labels,
      annotations: { summary: message.summary, ...(message.details ? { description: message.details } : {}) },
      startsAt: message.startsAt,
    };
    if (message.status === 'resolved') alert.endsAt = message.endsAt ?? new Date(sentAtMs).toISOString();
    else if (message.kind === 'maintenance' && message.endsAt) alert.endsAt = message.endsAt;
    return {
      transport: 'http',
      url: `${channel.url.replace(/\/+$/, '')}/api/v2/alerts`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([alert]),
    };
  },
} satisfies Notifier<'alertmanager'>;
