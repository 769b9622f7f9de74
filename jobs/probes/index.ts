// The probe registry (STYLE: one function per monitor type in a map) and the one entry the
// scheduler calls. A push monitor is not probed: its checks arrive from the watched job.
import type { MonitorType } from '../../sla/model.ts';
import type { MonitorSettingsByType } from './probe-settings.ts';
import type { ProbeContext, ProbeRegistry, ProbeResult } from './probe.ts';
import { dnsProbe } from './dns.ts';
import { httpProbe } from './http.ts';
import { prometheusProbe } from './prometheus.ts';
import { errorText, probeDown, timedOut, whenAborted } from './probe-outcome.ts';
import { tcpProbe } from './tcp.ts';
import { tlsProbe } from './tls.ts';

export const probes = { http: httpProbe, tcp: tcpProbe, dns: dnsProbe, tls: tlsProbe, prometheus: prometheusProbe } satisfies ProbeRegistry;

export type ProbedType = Exclude<MonitorType, 'push'>;
export type ProbedSettings = MonitorSettingsByType[ProbedType];

/** How long after the deadline a probe may take to return before runProbe answers for it. */
const abortGraceMs = 1_000;

/**
 * Runs the monitor's probe; never throws and always settles. A probe that throws (a programmer
 * error: probes return their failures) becomes a `network_error` result. A probe still running
 * abortGraceMs after the deadline is answered for with `timeout`, so a bug in one probe cannot
 * hold a scheduler slot forever.
 */
export async function runProbe(settings: ProbedSettings, ctx: ProbeContext): Promise<ProbeResult> {
  const startedMs = ctx.monotonicMs();
  let stopGuard = () => {};
  const guard = new Promise<ProbeResult>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const unsubscribe = whenAborted(ctx.signal, () => {
      timer = setTimeout(() => resolve(probeDown(timedOut('(the probe did not stop at the deadline)', ctx.monotonicMs() - startedMs))), abortGraceMs);
    });
    stopGuard = () => {
      unsubscribe();
      clearTimeout(timer);
    };
  });
  try {
    return await Promise.race([dispatch(settings, ctx), guard]);
  } catch (error) {
    return probeDown({ errorClass: 'network_error', message: `the ${settings.type} probe failed unexpectedly: ${errorText(error)}` });
  } finally {
    stopGuard();
  }
}

function dispatch(settings: ProbedSettings, ctx: ProbeContext): Promise<ProbeResult> {
  const probe = probes[settings.type] as (settings: ProbedSettings, ctx: ProbeContext) => Promise<ProbeResult>;
  return probe(settings, ctx);
}
