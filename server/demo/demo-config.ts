// The demo's config: a real slawatch.yaml (it goes through the same validation as any), written
// next to the demo's database so a user can read and copy it.
import { DateTime } from 'luxon';

export const demoPushToken = 'demo-backup-token-0123456789';

export function demoConfigYaml(targetPort: number, startedAtMs: number): string {
  const at = (seconds: number) =>
    DateTime.fromMillis(startedAtMs + seconds * 1000, { zone: 'Asia/Tokyo' }).toISO({ suppressMilliseconds: true });
  return `# slawatch demo: a simulated service on 127.0.0.1:${targetPort}, started by \`slawatch serve --demo\`.
timezone: Asia/Tokyo
services:
  - id: demo-shop
    name: Demo shop
    long_after: 1h
    monitors:
      - id: demo-web
        type: http
        url: http://127.0.0.1:${targetPort}/health
        interval: 5s
        timeout: 2s
        confirm: 2
        expect: { status: [200], body_contains: ok, max_latency: 800ms }
      - { id: demo-api, type: http, url: "http://127.0.0.1:${targetPort}/api", interval: 10s, timeout: 2s }
      - { id: demo-backup, type: push, token: ${demoPushToken}, expect_every: 30s, grace: 10s }
    claims:
      - { id: availability, sheet_row: 5, metric: availability, min: 99.5%, period: 1h, min_coverage: 5% }
      - { id: mttr, sheet_row: 10, metric: mttr, max: 5m, period: 1h, min_coverage: 5% }
      - { id: incidents, sheet_row: 12, metric: incident_count, max: 100, period: 1h, min_coverage: 5% }
      - { id: notification, sheet_row: 15, metric: notification_delay, max: 4h, period: 1h }
      - { id: notice, sheet_row: 2, metric: maintenance_notice, kind: downtime, min: 7d, period: 1h }
      - { id: backups, sheet_row: 28, metric: backup_freshness, monitor: demo-backup, max: 1m, period: 1h }
    maintenance:
      - { start: ${at(400)}, end: ${at(460)}, kind: downtime, announced_at: ${at(-8 * 86400)},
          title: Demo database upgrade }
`;
}
