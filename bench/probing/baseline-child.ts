// The bare request loop the probe's CPU is compared with, in a fresh process: GET ORIGIN/m/<i>
// (i cycling over MONITORS paths) at RATE requests per second, evenly spaced, each body read to the
// end, with node:http and a keep-alive agent (the transport the http probe uses) or with fetch
// (undici). No scheduling, deadlines, recording or judging beyond status and body. After WARMUP_MS
// it measures WINDOW_MS and prints one JSON line (BaselineRun).
//   node --import tsx bench/probing/baseline-child.ts http|fetch ORIGIN MONITORS RATE WARMUP_MS WINDOW_MS
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCpuWindow } from './cpu-window.ts';
import type { BaselineRun } from './probing-results.ts';
import { startRssSampler } from './rss-sampler.ts';

const [clientArg, origin, monitorsArg, rateArg, warmupArg, windowArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
];
const client = clientArg === 'fetch' ? 'fetch' : 'node:http';
const monitors = Number(monitorsArg);
const ratePerSecond = Number(rateArg);
const rss = startRssSampler();
const url = new URL(origin);
const agent = new http.Agent({ keepAlive: true });

function viaHttp(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: url.hostname, port: url.port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(res.statusCode === 200 && body === 'ok'));
      res.on('error', () => resolve(false));
    });
    req.on('error', () => resolve(false));
  });
}

async function viaFetch(path: string): Promise<boolean> {
  try {
    const res = await fetch(`${origin}${path}`);
    return res.status === 200 && (await res.text()) === 'ok';
  } catch {
    return false;
  }
}

const request = client === 'fetch' ? viaFetch : viaHttp;
let finished = 0;
let failures = 0;
let sent = 0;
let stopped = false;
const gapMs = 1000 / ratePerSecond;
const startMs = performance.now();
const pump = () => {
  if (stopped) return;
  const now = performance.now();
  while (startMs + sent * gapMs <= now) {
    void request(`/m/${sent % monitors}`).then((ok) => {
      finished++;
      if (!ok) failures++;
    });
    sent++;
  }
  setTimeout(pump, Math.max(0, startMs + sent * gapMs - performance.now()));
};
pump();

await sleep(Number(warmupArg));
const before = { finished, failures };
const window = startCpuWindow();
await sleep(Number(windowArg));
const cpu = window.end();
const requests = finished - before.finished;
stopped = true;
const run: BaselineRun = {
  client,
  ratePerSecond,
  cpu,
  requests,
  failures: failures - before.failures,
  cpuUsPerRequest: (cpu.cpuUserUs + cpu.cpuSystemUs) / requests,
  rssPeakBytes: rss.peakBytes,
};
rss.stop();
agent.destroy();
process.stdout.write(`${JSON.stringify(run)}\n`);
process.exit(0);
