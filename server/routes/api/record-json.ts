// Stored records as the API shows them: ISO instants, durations in seconds.
import type { Check, Claim, Incident, Maintenance } from '../../../sla/model.ts';
import { noticeBoundMs, noticeLeadMs, violatesNotice } from '../../../sla/maintenance-rules.ts';
import { notificationDelayMs } from '../../../sla/incident-figures.ts';
import type { MonthChangeRow } from '../../../db/store.ts';
import { monthLabel } from '../../../jobs/closed-months.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function incidentJson(incident: Incident, nowMs: number) {
  const endMs = incident.resolvedAtMs ?? nowMs;
  const delay = notificationDelayMs(incident);
  return {
    id: incident.id ?? null,
    startedAt: iso(incident.startedAtMs),
    detectedAt: iso(incident.detectedAtMs),
    notifiedAt: iso(incident.notifiedAtMs),
    resolvedAt: iso(incident.resolvedAtMs),
    open: incident.resolvedAtMs === null,
    /** Up to now for an open incident. */
    durationSeconds: Math.max(0, endMs - incident.startedAtMs) / 1000,
    notificationDelaySeconds: delay === null ? null : delay / 1000,
    impact: incident.impact,
    source: incident.source,
    title: incident.title,
    cause: incident.cause ?? null,
  };
}

export function maintenanceJson(window: Maintenance, claims: readonly Claim[]) {
  const lead = noticeLeadMs(window);
  const required = noticeBoundMs(claims, window.kind);
  return {
    id: window.id ?? null,
    start: iso(window.startMs),
    end: iso(window.endMs),
    durationSeconds: (window.endMs - window.startMs) / 1000,
    kind: window.kind,
    announcedAt: iso(window.announcedAtMs),
    noticeSeconds: lead === null ? null : lead / 1000,
    requiredNoticeSeconds: required === null ? null : required / 1000,
    noticeViolated: violatesNotice(window, claims),
    title: window.title,
  };
}

export function checkJson(check: Check) {
  return {
    time: iso(check.timeMs),
    monitor: check.monitorId,
    location: check.location,
    status: check.status,
    latencyMs: check.latencyMs,
    detail: check.detail ?? null,
  };
}

export const incidentSchema = {
  type: 'object',
  properties: {
    id: { type: ['string', 'null'] },
    startedAt: { type: 'string', format: 'date-time' },
    detectedAt: { type: ['string', 'null'], format: 'date-time' },
    notifiedAt: { type: ['string', 'null'], format: 'date-time' },
    resolvedAt: { type: ['string', 'null'], format: 'date-time' },
    open: { type: 'boolean' },
    durationSeconds: { type: 'number', description: 'Up to now for an open incident.' },
    notificationDelaySeconds: { type: ['number', 'null'] },
    impact: { enum: ['outage', 'partial'] },
    source: { enum: ['probe', 'manual', 'import', 'alertmanager'] },
    title: { type: 'string' },
    cause: { type: ['string', 'null'] },
  },
} as const;

export const maintenanceSchema = {
  type: 'object',
  properties: {
    id: { type: ['string', 'null'] },
    start: { type: 'string', format: 'date-time' },
    end: { type: 'string', format: 'date-time' },
    durationSeconds: { type: 'number' },
    kind: { enum: ['downtime', 'no-downtime'] },
    announcedAt: { type: ['string', 'null'], format: 'date-time' },
    noticeSeconds: { type: ['number', 'null'], description: 'start − announcedAt.' },
    requiredNoticeSeconds: {
      type: ['number', 'null'],
      description: "The strictest maintenance_notice claim for the window's kind.",
    },
    noticeViolated: { type: 'boolean' },
    title: { type: 'string' },
  },
} as const;

export const checkSchema = {
  type: 'object',
  properties: {
    time: { type: 'string', format: 'date-time' },
    monitor: { type: 'string' },
    location: { type: 'string' },
    status: { enum: ['up', 'down'] },
    latencyMs: { type: ['number', 'null'] },
    detail: { type: ['string', 'null'] },
  },
} as const;

/** A `month_changes` row: its month in the service timezone, and the month's figures before and after as stored. */
export function monthChangeJson(row: MonthChangeRow, timezone: string) {
  return {
    month: monthLabel(row.monthStartMs, timezone),
    changedAt: iso(row.changedAtMs),
    actor: row.actor,
    reason: row.reason,
    change: row.change,
    before: row.beforeJson === null ? null : (JSON.parse(row.beforeJson) as Record<string, number | null>),
    after: JSON.parse(row.afterJson) as Record<string, number | null>,
  };
}

const monthFigures = {
  type: 'object',
  description:
    'availability (ratio), downtimeSeconds, incidentCount, mttrSeconds, notificationDelayMaxSeconds, ' +
    'maintenanceCount, maintenanceNoticeViolations',
  additionalProperties: { type: ['number', 'null'] },
} as const;

export const monthChangeSchema = {
  type: 'object',
  properties: {
    month: { type: 'string', description: 'yyyy-MM in the service timezone' },
    changedAt: { type: 'string', format: 'date-time' },
    actor: { type: 'string' },
    reason: { type: 'string' },
    change: { type: 'string' },
    before: { oneOf: [monthFigures, { type: 'null' }] },
    after: monthFigures,
  },
} as const;
