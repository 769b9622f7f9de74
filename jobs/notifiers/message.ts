// What every channel sends (SPEC §4): an alert to the service's `notify` channels, or an incident
// or maintenance notice to its `notify_customers` channels. One shape for all three, so every
// payload carries the service id, the name, the severity, the status, the claim and a summary.
import type { AlertSeverity } from '../../sla/alert-rules.ts';

export const messageKinds = ['alert', 'incident', 'maintenance'] as const;
export type MessageKind = (typeof messageKinds)[number];

export interface Message {
  kind: MessageKind;
  serviceId: string;
  serviceName: string;
  /** The alert's name (burn-rate alerts have `burn` in it), or `incident` / `maintenance`. */
  name: string;
  /** Alerts only. */
  severity: AlertSeverity | null;
  /** Alerts and incidents: firing while active or open, resolved after; maintenance: firing. */
  status: 'firing' | 'resolved';
  claimId: string | null;
  /** One human line. */
  summary: string;
  /** What the message is about: the alert key, the incident or maintenance id. */
  subject: string;
  /** When it started (alert fired, incident started, window starts), ISO 8601. */
  startsAt: string;
  /** When it ended (resolved, window ends), ISO 8601, or null. */
  endsAt: string | null;
  /** Longer text for customers (an incident update), or null. */
  details: string | null;
  /** A repeat of a firing alert. */
  repeat: boolean;
}

/** The subject line of email and chat messages. */
export function messageTitle(m: Message): string {
  const state =
    m.status === 'resolved'
      ? 'RESOLVED'
      : m.kind === 'alert'
        ? 'FIRING'
        : m.kind === 'incident'
          ? 'INCIDENT'
          : 'MAINTENANCE';
  const severity = m.severity ? ` ${m.severity}` : '';
  return `[${state}${severity}] ${m.serviceName}: ${m.kind === 'alert' ? m.name : m.summary}`;
}

/** Customers read "ongoing" and "scheduled", not an alert's "firing". */
function statusWord(m: Message): string {
  if (m.kind === 'alert' || m.status === 'resolved') return m.status;
  return m.kind === 'incident' ? 'ongoing' : 'scheduled';
}

/** The plain-text body of email and chat messages. */
export function messageText(m: Message): string {
  const lines = [
    m.summary,
    '',
    `service: ${m.serviceId}`,
    m.kind === 'alert' ? `alert: ${m.name} (${m.severity})` : `${m.kind}: ${m.subject}`,
    `status: ${statusWord(m)}${m.repeat ? ' (repeat)' : ''}`,
  ];
  if (m.claimId) lines.push(`claim: ${m.claimId}`);
  lines.push(`since: ${m.startsAt}`);
  if (m.endsAt) lines.push(`${m.kind === 'maintenance' ? 'until' : 'resolved'}: ${m.endsAt}`);
  if (m.details) lines.push('', m.details);
  return lines.join('\n');
}
