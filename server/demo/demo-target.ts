// The local simulated service the demo probes (no internet needed): /health and /api follow the
// demo script.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoStateAt } from './demo-script.ts';

export interface DemoTarget {
  port: number;
  close(): Promise<void>;
}

export async function startDemoTarget(startedAtMs: number, nowMs: () => number = Date.now): Promise<DemoTarget> {
  const server: Server = createServer((req, res) => {
    const state = demoStateAt((nowMs() - startedAtMs) / 1000);
    const up = req.url === '/api' ? state.apiUp : state.webUp;
    setTimeout(
      () => {
        res.writeHead(up ? 200 : 503, { 'content-type': 'text/plain' });
        res.end(up ? 'ok' : 'unavailable');
      },
      req.url === '/api' ? 5 : state.webDelayMs,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
