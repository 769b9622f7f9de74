// The YAML of each monitor type, in one registry keyed by sla/model.ts's `monitorTypes`: a type
// added there without a schema here does not compile. Probed types share interval, timeout,
// confirm, locations and quorum (SPEC §1, §2.1–2.3); a push monitor is not probed, so it has
// expect_every and grace instead.

import { isIP } from 'node:net';
import { z } from 'zod';
import { monitorTypes, type MonitorType } from '../../sla/model.ts';
import { describeValue } from './describe-value.ts';
import { formatConfigDuration } from './durations.ts';
import { httpSettingsShape } from './http-schema.ts';
import { durationMs, host, httpUrl, id, integer, port, reject, text } from './scalar-schemas.ts';
import { dnsRecordTypes } from './types.ts';
import { whenValid } from './when-valid.ts';

export const defaultIntervalMs = 60_000;
const maxDefaultTimeoutMs = 10_000;

/** 10s, or half the interval when 10s would not end before the next probe. */
export function defaultTimeoutMs(intervalMs: number): number {
  return intervalMs > maxDefaultTimeoutMs ? maxDefaultTimeoutMs : Math.floor(intervalMs / 2);
}

/** SPEC §2.3: a majority of the locations. */
export function defaultQuorum(locationCount: number): number {
  return Math.floor(locationCount / 2) + 1;
}

const probeCommonShape = {
  id: id(),
  interval: durationMs({ minMs: 1_000 }).default(defaultIntervalMs),
  timeout: durationMs({ minMs: 1 }).optional(),
  confirm: integer(1).default(1),
  locations: z.array(id()).min(1).optional(),
  quorum: integer(1).optional(),
};

interface ProbeCommon {
  interval: number;
  timeout?: number | undefined;
  locations?: string[] | undefined;
  quorum?: number | undefined;
}

/** A probed monitor of `type` with its own keys, and the checks that relate the common ones. */
function probedMonitor<T extends MonitorType, S extends z.core.$ZodLooseShape>(type: T, settings: S) {
  const { id: idSchema, ...common } = probeCommonShape; // id and type first: "allowed here:" lists read well
  return z
    .strictObject({ id: idSchema, type: z.literal(type), ...common, ...settings })
    .superRefine((value, ctx) => checkTimeout(value as ProbeCommon, ctx), whenValid('interval', 'timeout'))
    .superRefine((value, ctx) => checkLocations(value as ProbeCommon, ctx), whenValid('locations', 'quorum'));
}

function checkTimeout(value: ProbeCommon, ctx: z.core.$RefinementCtx): void {
  if (value.timeout !== undefined && value.timeout >= value.interval) {
    const message = `must be shorter than the interval (${formatConfigDuration(value.interval)})`;
    ctx.addIssue({ code: 'custom', path: ['timeout'], message });
  }
}

function checkLocations(value: ProbeCommon, ctx: z.core.$RefinementCtx): void {
  const locations = value.locations ?? [];
  locations.forEach((location, index) => {
    if (locations.indexOf(location) !== index) {
      ctx.addIssue({ code: 'custom', path: ['locations', index], message: `"${location}" is listed twice` });
    }
  });
  const count = new Set(locations).size || 1;
  if (value.quorum !== undefined && value.quorum > count) {
    const message = value.locations
      ? `must be at most the number of locations (${count})`
      : 'must be 1 without locations (the monitor is probed from the server alone)';
    ctx.addIssue({ code: 'custom', path: ['quorum'], message });
  }
}

/** A DNS server as `host`, `host:port`, an IPv6 address or `[v6]:port`; port 53 by default. */
function resolver() {
  return z.string().transform((input, ctx) => {
    const address = parseResolver(input);
    const message = `invalid resolver ${describeValue(input)} (use 1.1.1.1, 1.1.1.1:53 or [2606:4700::1111]:53)`;
    return address ?? reject(ctx, input, message);
  });
}

function parseResolver(input: string): { host: string; port: number } | null {
  if (isIP(input) !== 0) return { host: input, port: 53 };
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(input);
  const plain = /^([^:[\]]+)(?::(\d{1,5}))?$/.exec(input);
  const match = bracketed ?? plain;
  if (!match?.[1]) return null;
  const validHost = bracketed ? isIP(match[1]) === 6 : host().safeParse(match[1]).success;
  const portNumber = match[2] === undefined ? 53 : Number(match[2]);
  return validHost && portNumber >= 1 && portNumber <= 65_535 ? { host: match[1], port: portNumber } : null;
}

const pushTokenPattern = /^[A-Za-z0-9._~-]{16,256}$/;

export function pushToken() {
  const invalid =
    'must be 16 to 256 URL-safe characters (letters, digits, ".", "_", "~", "-"), e.g. from `openssl rand -hex 16`';
  return z.string().refine((token) => pushTokenPattern.test(token), { error: invalid });
}

export const monitorSchemas = {
  http: probedMonitor('http', httpSettingsShape),
  tcp: probedMonitor('tcp', { host: host(), port: port() }),
  dns: probedMonitor('dns', {
    name: host(),
    record_type: z.enum(dnsRecordTypes).default('A'),
    expected: z.array(text()).min(1).optional(),
    resolver: resolver().optional(),
  }),
  tls: probedMonitor('tls', {
    host: host(),
    port: port().default(443),
    servername: host().optional(),
    min_days_left: integer(0).default(14),
  }),
  push: z.strictObject({
    id: id(),
    type: z.literal('push'),
    token: pushToken(),
    expect_every: durationMs({ minMs: 1_000 }),
    grace: durationMs().default(0),
    confirm: integer(1).default(1),
  }),
  prometheus: probedMonitor('prometheus', { url: httpUrl(), query: text() }),
} satisfies { [T in MonitorType]: z.ZodType<{ type: T }> };

type MonitorSchemaOption = (typeof monitorSchemas)[MonitorType];

/** Any monitor, chosen by its `type`. */
export const monitorSchema = z.discriminatedUnion(
  'type',
  monitorTypes.map((type) => monitorSchemas[type]) as unknown as [MonitorSchemaOption, ...MonitorSchemaOption[]],
);

export type RawMonitor = z.output<typeof monitorSchema>;
export type RawMonitorOf<T extends MonitorType> = z.output<(typeof monitorSchemas)[T]>;
