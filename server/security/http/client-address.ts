// The client's address and scheme (SPEC §6 trusted proxies): the socket's peer, unless that peer
// is a configured trusted proxy — then the right-most X-Forwarded-For entry that is not itself a
// trusted proxy (entries left of it could be written by the client), and X-Forwarded-Proto.
import type { Context, MiddlewareHandler } from 'hono';
import type { Cidr } from '../cidr.ts';
import { createAddressMatcher, normalizeAddress } from '../cidr.ts';
import './principal.ts';

export interface ClientAddressOptions {
  trustedProxies: () => readonly Cidr[];
  /** This server terminates TLS itself. */
  tls: boolean;
}

/** The socket peer of a request served by @hono/node-server; tests pass `{ incoming: { socket } }` as env. */
export function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return normalizeAddress(env?.incoming?.socket?.remoteAddress ?? 'unknown');
}

export function clientAddress(options: ClientAddressOptions): MiddlewareHandler {
  return async function clientAddress(c, next) {
    const peer = socketAddress(c);
    const trusted = createAddressMatcher(options.trustedProxies());
    let address = peer;
    let secure = options.tls;
    if (trusted(peer)) {
      const hops = (c.req.header('x-forwarded-for') ?? '')
        .split(',')
        .map((h) => normalizeAddress(h.trim()))
        .filter(Boolean);
      while (hops.length > 0 && trusted(hops[hops.length - 1]!)) hops.pop();
      address = hops.pop() ?? peer;
      secure ||= (c.req.header('x-forwarded-proto') ?? '').split(',')[0]?.trim().toLowerCase() === 'https';
    }
    c.set('clientAddress', address);
    c.set('secureRequest', secure);
    await next();
  };
}
