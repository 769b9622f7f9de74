// What the jobs need of the config (server/config's SlawatchConfig satisfies it; jobs/ does not
// import server/).
import type { ServiceSpec } from '../sla/model.ts';
import type { MonitorConfig } from './probes/probe-settings.ts';

export interface JobsConfig {
  services: readonly { spec: ServiceSpec; monitors: readonly MonitorConfig[] }[];
  retention: { checksMs: number };
}
