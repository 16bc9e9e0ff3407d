import ipaddr from "ipaddr.js";

/**
 * Which IP addresses a webhook may be sent to: only ordinary public unicast addresses.
 * Anything that reaches this machine, the local network, the cloud metadata service or a
 * special-purpose range is refused — including IPv6 forms that carry such an IPv4 address inside.
 */
export function isPublicAddress(ip: string): boolean {
  const address = parseAddress(ip);
  if (!address) return false;
  return address.kind() === "ipv4" ? isPublicIPv4(address as ipaddr.IPv4) : isPublicIPv6(address as ipaddr.IPv6);
}

function parseAddress(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = ip.startsWith("[") && ip.endsWith("]") ? ip.slice(1, -1) : ip;
  // Only the canonical forms DNS and the URL parser produce; "0x7f.1"-style spellings are the URL parser's job.
  if (!ipaddr.IPv4.isValidFourPartDecimal(bare) && !ipaddr.IPv6.isValid(bare)) return undefined;
  try {
    return ipaddr.parse(bare);
  } catch {
    return undefined;
  }
}

// ipaddr.js files loopback, private (RFC 1918), link-local, CGNAT, 0/8, multicast, broadcast,
// documentation, benchmarking and reserved ranges under their own names; whatever is left is unicast.
function isPublicIPv4(address: ipaddr.IPv4): boolean {
  return address.range() === "unicast";
}

function isPublicIPv6(address: ipaddr.IPv6): boolean {
  const embedded = embeddedIPv4(address);
  if (embedded) return isPublicIPv4(embedded);
  // Refuses ::1, ::, fc00::/7, fe80::/10, ff00::/8, Teredo, local-use NAT64, documentation and the rest.
  return address.range() === "unicast";
}

/** The IPv4 address that an IPv6 form forwards to, for the forms whose target can be read off the address. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const parts = address.parts;
  const range = address.range();
  const lastTwo = () => new ipaddr.IPv4([parts[6]! >> 8, parts[6]! & 0xff, parts[7]! >> 8, parts[7]! & 0xff]);

  // ::ffff:a.b.c.d (mapped) and ::ffff:0:a.b.c.d (translated).
  if (range === "ipv4Mapped" || range === "rfc6145") return lastTwo();
  // 64:ff9b::a.b.c.d — well-known NAT64 prefix. (Its local-use sibling 64:ff9b:1::/48 stays refused.)
  if (range === "rfc6052" && parts[2] === 0) return lastTwo();
  // 2002:aabb:ccdd::/48 — 6to4 relays to aa.bb.cc.dd.
  if (range === "6to4") return new ipaddr.IPv4([parts[1]! >> 8, parts[1]! & 0xff, parts[2]! >> 8, parts[2]! & 0xff]);
  // ::a.b.c.d — the deprecated IPv4-compatible form; ipaddr.js calls it unicast. (:: and ::1 have their own names.)
  if (range === "unicast" && parts.slice(0, 6).every((part) => part === 0)) return lastTwo();
  return undefined;
}
