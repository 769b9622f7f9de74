// The `security:` section (SPEC §6): password policy, two-factor requirement, lockout, sessions,
// the IP allow-list and trusted proxies, TLS, the /metrics token and the audit log's retention.
// Every key has a default, so a file without the section gets the safe settings.
import { z } from 'zod';
import { parseCidr, type Cidr } from '../security/cidr.ts';
import { durationMs, flag, integer, text } from './scalar-schemas.ts';

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

export const twoFactorRequirements = ['none', 'admins', 'everyone'] as const;
export type TwoFactorRequirement = (typeof twoFactorRequirements)[number];

function cidr() {
  return z.string().transform((value, ctx): Cidr => {
    const result = parseCidr(value);
    if (result.ok) return result.cidr;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });
}

export const securitySchema = z.strictObject({
  password: z
    .strictObject({
      min_length: integer(8, 256).default(12),
      reject_common: flag().default(true),
      /** The last N passwords of an account may not be used again. */
      history: integer(0, 50).default(5),
      /** 0: passwords never expire. */
      max_age: durationMs().default(0),
    })
    .prefault({}),
  two_factor: z.enum(twoFactorRequirements).default('admins'),
  lockout: z
    .strictObject({
      account_failures: integer(1, 1000).default(5),
      ip_failures: integer(1, 10_000).default(20),
      window: durationMs({ minMs: 1000 }).default(15 * minuteMs),
      duration: durationMs({ minMs: 1000 }).default(15 * minuteMs),
    })
    .prefault({}),
  session: z
    .strictObject({
      idle_timeout: durationMs({ minMs: minuteMs }).default(30 * minuteMs),
      absolute_timeout: durationMs({ minMs: minuteMs }).default(12 * 60 * minuteMs),
      /** Secure cookies even over plain HTTP (behind a TLS proxy that does not say so). */
      secure_cookies: flag().default(false),
    })
    .prefault({}),
  /** Addresses that may reach the console and the API; empty: any. */
  allow_list: z.array(cidr()).default([]),
  /** Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed; empty: none. */
  trusted_proxies: z.array(cidr()).default([]),
  tls: z.strictObject({ cert: text(), key: text() }).optional(),
  /** true: /metrics needs a bearer token with the read scope. */
  metrics_token: flag().default(false),
  audit_retention: durationMs({ minMs: dayMs }).default(365 * dayMs),
});

export type RawSecurity = z.output<typeof securitySchema>;

export interface SecurityConfig {
  password: { minLength: number; rejectCommon: boolean; history: number; maxAgeMs: number };
  twoFactor: TwoFactorRequirement;
  lockout: { accountFailures: number; ipFailures: number; windowMs: number; durationMs: number };
  session: { idleTimeoutMs: number; absoluteTimeoutMs: number; secureCookies: boolean };
  allowList: Cidr[];
  trustedProxies: Cidr[];
  /** Paths as written (relative to the config file's folder). */
  tls: { certPath: string; keyPath: string } | null;
  metricsToken: boolean;
  auditRetentionMs: number;
}

export function toSecurityConfig(raw: RawSecurity): SecurityConfig {
  return {
    password: {
      minLength: raw.password.min_length,
      rejectCommon: raw.password.reject_common,
      history: raw.password.history,
      maxAgeMs: raw.password.max_age,
    },
    twoFactor: raw.two_factor,
    lockout: {
      accountFailures: raw.lockout.account_failures,
      ipFailures: raw.lockout.ip_failures,
      windowMs: raw.lockout.window,
      durationMs: raw.lockout.duration,
    },
    session: {
      idleTimeoutMs: raw.session.idle_timeout,
      absoluteTimeoutMs: raw.session.absolute_timeout,
      secureCookies: raw.session.secure_cookies,
    },
    allowList: raw.allow_list,
    trustedProxies: raw.trusted_proxies,
    tls: raw.tls ? { certPath: raw.tls.cert, keyPath: raw.tls.key } : null,
    metricsToken: raw.metrics_token,
    auditRetentionMs: raw.audit_retention,
  };
}

/** The settings of a file without a `security:` section. */
export const defaultSecurityConfig: SecurityConfig = toSecurityConfig(securitySchema.parse({}));
