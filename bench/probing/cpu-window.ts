// A measured window of this process: CPU time (user + system, every thread: main, GC, libuv pool)
// over wall time, and the event loop's utilisation, between start and end.
import { performance } from 'node:perf_hooks';

export interface CpuWindow {
  wallMs: number;
  cpuUserUs: number;
  cpuSystemUs: number;
  /** (user + system) ÷ wall: 1.0 is one core busy. */
  cores: number;
  /** Share of the window the event loop was not idle (perf_hooks.eventLoopUtilization). */
  eventLoopUtilization: number;
}

export function startCpuWindow(): { end(): CpuWindow } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const elu0 = performance.eventLoopUtilization();
  return {
    end() {
      const cpu = process.cpuUsage(cpu0);
      const wallMs = performance.now() - wall0;
      const elu = performance.eventLoopUtilization(elu0);
      return {
        wallMs,
        cpuUserUs: cpu.user,
        cpuSystemUs: cpu.system,
        cores: (cpu.user + cpu.system) / 1000 / wallMs,
        eventLoopUtilization: elu.utilization,
      };
    },
  };
}
