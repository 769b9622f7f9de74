// IPv4 and IPv6 address ranges in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`, or a bare address)
// for the allow-list and the trusted proxies (SPEC §6). Matching is node:net's BlockList, so
// IPv6 text forms (`::1`, `0:0:0:0:0:0:0:1`) compare as addresses, not as strings.
import { BlockList, isIP } from 'node:net';

export interface Cidr {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

export type CidrResult = { ok: true; cidr: Cidr } | { ok: false; message: string };

export function parseCidr(text: string): CidrResult {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return { ok: false, message: `invalid CIDR "${text}" (one / at most)` };
  const version = isIP(address);
  if (version === 0)
    return { ok: false, message: `invalid CIDR "${text}": "${address}" is not an IPv4 or IPv6 address` };
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return { ok: false, message: `invalid CIDR "${text}": prefix must be 0-${max}` };
  return { ok: true, cidr: { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' } };
}

/** `::ffff:192.0.2.1` (how a dual-stack socket reports an IPv4 peer) → `192.0.2.1`. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** A test for "is this address in any of these ranges"; an address that is not an IP is in none. */
export function createAddressMatcher(cidrs: readonly Cidr[]): (address: string) => boolean {
  const list = new BlockList();
  for (const c of cidrs) list.addSubnet(c.address, c.prefix, c.family);
  return (address) => {
    const a = normalizeAddress(address);
    const version = isIP(a);
    if (version === 0) return false;
    return list.check(a, version === 4 ? 'ipv4' : 'ipv6');
  };
}
