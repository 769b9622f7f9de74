// Listening for `serve`: the app on host:port, over HTTPS when TLS files were loaded, and the URL
// it answers at; closing it again without waiting on idle keep-alive connections.
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve as listen, type ServerType } from '@hono/node-server';

export interface Listening {
  server: ServerType;
  /** The listening URL, with the port the system chose for port 0. */
  url: string;
}

export async function listenOn(
  fetch: Parameters<typeof listen>[0]['fetch'],
  host: string,
  port: number,
  tls: { cert: Buffer; key: Buffer } | null,
): Promise<Listening> {
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = listen(
      {
        fetch,
        hostname: host,
        port,
        ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}),
      },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, url: `${tls ? 'https' : 'http'}://${shownHost}:${address.port}` };
}

/** Closes the server; resolves once it has closed. */
export function closeServer(server: ServerType): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections would hold close() open.
  (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  return closed;
}
