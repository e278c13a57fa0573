import ipaddr from 'ipaddr.js';

/**
 * Which resolved addresses sitrep may fetch from: public unicast only. IPv4 is judged by ipaddr.js's
 * special ranges (RFC 6890 and after: private, loopback, link-local, CGNAT, reserved, multicast …). IPv6 is
 * an allowlist — only global unicast (2000::/3) outside the IETF's special blocks — because a blocklist
 * misses the many IPv6 spellings of an IPv4 address: an address that embeds one (IPv4-mapped,
 * IPv4-translated, NAT64, 6to4) is judged by the IPv4 address it carries, and the forms no public site
 * is ever served from (IPv4-compatible, Teredo, site-local, unique-local …) are refused whatever they embed.
 */

type Cidr = [ipaddr.IPv6, number];

const cidr = (text: string): Cidr => ipaddr.parseCIDR(text) as Cidr;

/** IPv6 blocks whose last 32 bits (or bits 16–47 for 6to4) are an IPv4 address that decides. */
const EMBEDDING: ReadonlyArray<{ name: string; range: Cidr; v4: (p: number[]) => number[] }> = [
  { name: 'IPv4-mapped', range: cidr('::ffff:0:0/96'), v4: (p) => low32(p) },
  { name: 'IPv4-translated (RFC 6145)', range: cidr('::ffff:0:0:0/96'), v4: (p) => low32(p) },
  { name: 'NAT64 (64:ff9b::/96)', range: cidr('64:ff9b::/96'), v4: (p) => low32(p) },
  {
    name: '6to4 (2002::/16)',
    range: cidr('2002::/16'),
    v4: (p) => [p[1]! >> 8, p[1]! & 0xff, p[2]! >> 8, p[2]! & 0xff],
  },
];

/** IPv6 blocks refused outright, named for the message. Checked before the global-unicast allowlist. */
const REFUSED: ReadonlyArray<{ name: string; range: Cidr }> = [
  { name: 'unspecified', range: cidr('::/128') },
  { name: 'loopback', range: cidr('::1/128') },
  // RFC 4291 §2.5.5.1: deprecated, never assigned; some stacks still route ::a.b.c.d to the IPv4 host.
  { name: 'IPv4-compatible (deprecated)', range: cidr('::/96') },
  { name: 'NAT64 local-use (RFC 8215)', range: cidr('64:ff9b:1::/48') },
  { name: 'discard-only (RFC 6666)', range: cidr('100::/64') },
  // Teredo hides its client's IPv4 address (inverted) and names a relay; no public site is served from one.
  { name: 'Teredo (2001::/32)', range: cidr('2001::/32') },
  { name: 'documentation (2001:db8::/32)', range: cidr('2001:db8::/32') },
  { name: 'IETF protocol assignment (2001::/23)', range: cidr('2001::/23') },
  { name: 'documentation (3fff::/20)', range: cidr('3fff::/20') },
  { name: 'unique-local (fc00::/7)', range: cidr('fc00::/7') },
  { name: 'link-local (fe80::/10)', range: cidr('fe80::/10') },
  { name: 'site-local (fec0::/10, deprecated)', range: cidr('fec0::/10') },
  { name: 'multicast', range: cidr('ff00::/8') },
];

const GLOBAL_UNICAST = cidr('2000::/3');

function low32(p: number[]): number[] {
  return [p[6]! >> 8, p[6]! & 0xff, p[7]! >> 8, p[7]! & 0xff];
}

function ipv4Reason(ip: ipaddr.IPv4): string | null {
  const range = ip.range();
  return range === 'unicast' ? null : `a ${range} address`;
}

/**
 * Parse an address. IPv6 goes through the WHATWG URL parser first: ipaddr.js reads the IPv4-compatible
 * spelling `::127.0.0.1` as IPv4-mapped (`::ffff:7f00:1`), while the URL parser, like the socket layer,
 * keeps it `::7f00:1`. A zone index (`%eth0`) does not change which block an address is in.
 */
function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  if (!address.includes(':')) return ipaddr.IPv4.parse(address);
  const canonical = new URL(`http://[${address.replace(/%.*$/s, '')}]/`).hostname.slice(1, -1);
  return ipaddr.IPv6.parse(canonical);
}

/** Why an IP address may not be fetched from, or null when it is public unicast. */
export function blockedAddressReason(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = parseAddress(address);
  } catch {
    return `unparsable address ${address}`;
  }
  if (ip.kind() === 'ipv4') {
    const why = ipv4Reason(ip as ipaddr.IPv4);
    return why && `${address} is ${why}`;
  }
  const v6 = ip as ipaddr.IPv6;
  for (const e of EMBEDDING) {
    if (!v6.match(e.range)) continue;
    const v4 = new ipaddr.IPv4(e.v4(v6.parts));
    const why = ipv4Reason(v4);
    return why && `${address} is ${e.name} for ${v4.toString()}, ${why}`;
  }
  for (const r of REFUSED) if (v6.match(r.range)) return `${address} is a ${r.name} address`;
  return v6.match(GLOBAL_UNICAST) ? null : `${address} is outside IPv6 global unicast (2000::/3)`;
}
