// Which way each metric's bound points: `min` (the figure must be at least the bound) or `max`.
import type { ClaimMetric } from './model.ts';

export const claimDirections = {
  availability: 'min',
  maintenance_notice: 'min',
  mttr: 'max',
  incident_count: 'max',
  long_incident_count: 'max',
  notification_delay: 'max',
  backup_freshness: 'max',
  latency: 'max',
} as const satisfies Record<ClaimMetric, 'min' | 'max'>;
