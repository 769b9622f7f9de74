// Until an admin account exists, slawatch listens on loopback only: beyond it nobody could sign in
// to the console (SPEC §6), and the first account is made on this machine (`/setup`).
import { isIP } from 'node:net';
import type { Store } from '../../db/store.ts';

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  const version = isIP(host);
  if (version === 4) return host.startsWith('127.');
  if (version === 6) return host === '::1';
  return false;
}

/** Throws, saying why and what to do, when host is beyond loopback and no admin account exists. */
export async function refuseBeyondLoopbackWithoutAdmin(store: Store, host: string): Promise<void> {
  if (isLoopbackHost(host) || (await store.security.countAdmins()) > 0) return;
  throw new Error(
    `refusing to listen on ${host}: no admin account exists yet, so nobody could sign in. ` +
      'Create one with `slawatch user add --username NAME --role admin`, ' +
      'or serve on 127.0.0.1 and open /setup there.',
  );
}
