// The tcp probe (SPEC §1 "Monitor"): up when a TCP connection to host:port opens before the
// deadline; the connection is closed at once. Latency is the time to connect, name lookup included.
import { connect, isIP } from 'node:net';
import type { Probe, ProbeResult } from './probe.ts';
import { classifyError, probeDown, probeUp, timedOut, whenAborted } from './probe-outcome.ts';

export const tcpProbe = ((settings, ctx) =>
  new Promise<ProbeResult>((resolve) => {
    const startedMs = ctx.monotonicMs();
    const target = `${settings.host}:${settings.port}`;
    const socket = connect({ host: settings.host, port: settings.port });
    let looking = isIP(settings.host) === 0;
    socket.once('lookup', () => (looking = false));
    const finish = (result: ProbeResult) => {
      unsubscribe();
      socket.destroy();
      resolve(result);
    };
    const unsubscribe = whenAborted(ctx.signal, () => {
      const doing = looking ? `looking up ${settings.host}` : `connecting to ${target}`;
      finish(probeDown(timedOut(`while ${doing}`, ctx.monotonicMs() - startedMs)));
    });
    socket.once('connect', () => finish(probeUp(ctx.monotonicMs() - startedMs)));
    // on, not once: a late second error must not crash
    socket.on('error', (error) => finish(probeDown(classifyError(error))));
  })) satisfies Probe<'tcp'>;
