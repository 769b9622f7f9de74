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

export const probes = {
  http: httpProbe,
  tcp: tcpProbe,
  dns: dnsProbe,
  tls: tlsProbe,
  prometheus: prometheusProbe,
} satisfies ProbeRegistry;

export type ProbedType = Exclude<MonitorType, 'push'>;
export type ProbedSettings = MonitorSettingsByType[ProbedType];

export type RunProbe = (settings: ProbedSettings, ctx: ProbeContext) => Promise<ProbeResult>;

/**
 * The probe runner over a registry: runs the monitor's probe, never throws and always settles. A
 * probe that throws (a programmer error: probes return their failures) becomes a `network_error`
 * result. A probe still running abortGraceMs after the deadline is answered for with `timeout`, so
 * a bug in one probe cannot hold a scheduler slot forever.
 */
export function createRunProbe(registry: ProbeRegistry, options: { abortGraceMs?: number } = {}): RunProbe {
  const abortGraceMs = options.abortGraceMs ?? 1_000;
  return async (settings, ctx) => {
    const startedMs = ctx.monotonicMs();
    let stopGuard = () => {};
    const guard = new Promise<ProbeResult>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const unsubscribe = whenAborted(ctx.signal, () => {
        const late = () =>
          resolve(probeDown(timedOut('(the probe did not stop at the deadline)', ctx.monotonicMs() - startedMs)));
        timer = setTimeout(late, abortGraceMs);
      });
      stopGuard = () => {
        unsubscribe();
        clearTimeout(timer);
      };
    });
    try {
      const probe = registry[settings.type] as RunProbe;
      return await Promise.race([probe(settings, ctx), guard]);
    } catch (error) {
      return probeDown({
        errorClass: 'network_error',
        message: `the ${settings.type} probe failed unexpectedly: ${errorText(error)}`,
      });
    } finally {
      stopGuard();
    }
  };
}

/** What the scheduler calls. */
export const runProbe: RunProbe = createRunProbe(probes);
