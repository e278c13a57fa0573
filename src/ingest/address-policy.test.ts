import { describe, expect, it } from 'vitest';
import { blockedAddressReason } from './address-policy.js';

/**
 * The guard's decision over every address class, in the spellings a resolver or an attacker may use.
 * `reason` is a fragment the refusal must name, so a row fails if it is refused for the wrong reason.
 */
const TABLE: ReadonlyArray<{ address: string; allowed: true } | { address: string; reason: RegExp }> = [
  // Public unicast, both families.
  { address: '93.184.216.34', allowed: true },
  { address: '8.8.8.8', allowed: true },
  { address: '1.1.1.1', allowed: true },
  { address: '2606:2800:220:1:248:1893:25c8:1946', allowed: true },
  { address: '2a00:1450:4001:82b::200e', allowed: true },
  // Public IPv4 in IPv6 clothing is still public.
  { address: '::ffff:8.8.8.8', allowed: true },
  { address: '::ffff:808:808', allowed: true },
  { address: '64:ff9b::808:808', allowed: true },
  { address: '64:ff9b::8.8.8.8', allowed: true },
  { address: '2002:808:808::1', allowed: true },
  // IPv4 special ranges.
  { address: '0.0.0.0', reason: /unspecified/ },
  { address: '0.1.2.3', reason: /unspecified/ },
  { address: '10.0.0.1', reason: /private/ },
  { address: '10.255.255.255', reason: /private/ },
  { address: '172.16.0.1', reason: /private/ },
  { address: '172.31.255.254', reason: /private/ },
  { address: '192.168.1.1', reason: /private/ },
  { address: '127.0.0.1', reason: /loopback/ },
  { address: '127.255.255.254', reason: /loopback/ },
  { address: '169.254.169.254', reason: /linkLocal/ },
  { address: '100.64.0.1', reason: /carrierGradeNat/ },
  { address: '100.127.255.254', reason: /carrierGradeNat/ },
  { address: '192.0.0.8', reason: /reserved/ },
  { address: '192.0.2.1', reason: /reserved/ },
  { address: '198.18.0.1', reason: /reserved/ },
  { address: '198.51.100.7', reason: /reserved/ },
  { address: '203.0.113.9', reason: /reserved/ },
  { address: '240.0.0.1', reason: /reserved/ },
  { address: '224.0.0.1', reason: /multicast/ },
  { address: '239.255.255.250', reason: /multicast/ },
  { address: '255.255.255.255', reason: /broadcast/ },
  // Other spellings of IPv4 that parsers accept (hex, octal, one number).
  { address: '0x7f000001', reason: /loopback/ },
  { address: '0177.0.0.1', reason: /loopback/ },
  { address: '2130706433', reason: /loopback/ },
  // IPv6 special ranges.
  { address: '::', reason: /unspecified/ },
  { address: '::1', reason: /loopback/ },
  { address: '0:0:0:0:0:0:0:1', reason: /loopback/ },
  { address: 'fe80::1', reason: /link-local/ },
  { address: 'fe80::1%eth0', reason: /link-local/ },
  { address: 'febf::1', reason: /link-local/ },
  { address: 'fec0::1', reason: /site-local/ },
  { address: 'feff::1', reason: /site-local/ },
  { address: 'fc00::1', reason: /unique-local/ },
  { address: 'fd12:3456:789a::1', reason: /unique-local/ },
  { address: 'ff02::1', reason: /multicast/ },
  { address: 'ff05::1:3', reason: /multicast/ },
  { address: '100::1', reason: /discard/ },
  { address: '2001:db8::1', reason: /documentation/ },
  { address: '3fff::1', reason: /documentation/ },
  { address: '2001:2::1', reason: /IETF protocol/ },
  { address: '2001:10::1', reason: /IETF protocol/ },
  { address: '5f00::1', reason: /outside IPv6 global unicast/ },
  { address: '4000::1', reason: /outside IPv6 global unicast/ },
  { address: 'e000::1', reason: /outside IPv6 global unicast/ },
  // IPv4-mapped and IPv4-translated forms of private addresses.
  { address: '::ffff:127.0.0.1', reason: /IPv4-mapped for 127\.0\.0\.1, a loopback/ },
  { address: '::ffff:7f00:1', reason: /IPv4-mapped for 127\.0\.0\.1/ },
  { address: '::ffff:10.0.0.1', reason: /IPv4-mapped for 10\.0\.0\.1, a private/ },
  { address: '::ffff:169.254.169.254', reason: /IPv4-mapped for 169\.254\.169\.254, a linkLocal/ },
  { address: '0:0:0:0:0:ffff:c0a8:101', reason: /IPv4-mapped for 192\.168\.1\.1/ },
  { address: '::ffff:0:127.0.0.1', reason: /IPv4-translated .* 127\.0\.0\.1/ },
  // IPv4-compatible (deprecated): refused whatever it embeds.
  { address: '::7f00:1', reason: /IPv4-compatible/ },
  { address: '::127.0.0.1', reason: /IPv4-compatible/ },
  { address: '::a00:1', reason: /IPv4-compatible/ },
  { address: '::10.0.0.1', reason: /IPv4-compatible/ },
  { address: '::a9fe:a9fe', reason: /IPv4-compatible/ },
  { address: '::8.8.8.8', reason: /IPv4-compatible/ },
  // NAT64: the well-known prefix is judged by its IPv4, the local-use prefix is private.
  { address: '64:ff9b::7f00:1', reason: /NAT64 .* 127\.0\.0\.1, a loopback/ },
  { address: '64:ff9b::10.1.2.3', reason: /NAT64 .* 10\.1\.2\.3, a private/ },
  { address: '64:ff9b::a9fe:a9fe', reason: /NAT64 .* 169\.254\.169\.254/ },
  { address: '64:ff9b:1::808:808', reason: /NAT64 local-use/ },
  // 6to4 embeds its IPv4 in bits 16–47.
  { address: '2002:7f00:1::1', reason: /6to4 .* 127\.0\.0\.1, a loopback/ },
  { address: '2002:a00:1::', reason: /6to4 .* 10\.0\.0\.1, a private/ },
  { address: '2002:c0a8:101::1', reason: /6to4 .* 192\.168\.1\.1/ },
  { address: '2002:a9fe:a9fe::', reason: /6to4 .* 169\.254\.169\.254/ },
  // Teredo: refused whatever server and (inverted) client it names.
  { address: '2001:0:4136:e378:8000:63bf:3fff:fdd2', reason: /Teredo/ },
  { address: '2001:0:7f00:1::80ff:fffe', reason: /Teredo/ },
  // Not addresses at all.
  { address: 'localhost', reason: /unparsable/ },
  { address: '', reason: /unparsable/ },
  { address: '1.2.3.4.5', reason: /unparsable/ },
  { address: '::ffff:1.2.3', reason: /unparsable/ },
];

describe('blockedAddressReason', () => {
  it.each(TABLE)('$address', (row) => {
    const reason = blockedAddressReason(row.address);
    if ('allowed' in row) expect(reason).toBeNull();
    else {
      expect(reason).not.toBeNull();
      expect(reason).toMatch(row.reason);
    }
  });

  it('covers every class the policy names', () => {
    const refused = TABLE.filter((r) => 'reason' in r).map((r) => blockedAddressReason(r.address) ?? '');
    for (const cls of ['IPv4-compatible', 'IPv4-mapped', 'IPv4-translated', 'NAT64', '6to4', 'Teredo', 'site-local'])
      expect(
        refused.some((r) => r.includes(cls)),
        cls,
      ).toBe(true);
  });
});
