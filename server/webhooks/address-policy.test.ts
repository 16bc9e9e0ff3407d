import { describe, expect, it } from "vitest";
import { isPublicAddress } from "./address-policy";

describe("isPublicAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback range"],
    ["10.0.0.1", "private 10/8"],
    ["172.16.0.1", "private 172.16/12"],
    ["172.31.255.255", "private 172.16/12 upper end"],
    ["192.168.1.1", "private 192.168/16"],
    ["169.254.169.254", "cloud metadata (link-local)"],
    ["100.64.0.1", "CGNAT"],
    ["100.127.255.254", "CGNAT upper end"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "0/8"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["198.18.0.1", "benchmarking"],
    ["192.0.2.1", "documentation"],
    ["::1", "IPv6 loopback"],
    ["::", "IPv6 unspecified"],
    ["fc00::1", "unique local"],
    ["fd12:3456::1", "unique local (fd)"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local with zone"],
    ["ff02::1", "IPv6 multicast"],
    ["2001:db8::1", "IPv6 documentation"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback, hex spelling"],
    ["::ffff:169.254.169.254", "IPv4-mapped metadata"],
    ["::ffff:0:a00:1", "IPv4-translated private"],
    ["::7f00:1", "IPv4-compatible loopback"],
    ["::a00:1", "IPv4-compatible private"],
    ["64:ff9b::7f00:1", "NAT64 of loopback"],
    ["64:ff9b::a9fe:a9fe", "NAT64 of metadata"],
    ["64:ff9b:1::5db8:d822", "local-use NAT64"],
    ["2002:7f00:1::1", "6to4 of loopback"],
    ["2002:c0a8:101::1", "6to4 of 192.168.1.1"],
    ["[::1]", "bracketed loopback"],
    ["not-an-ip", "garbage"],
    ["", "empty"],
    ["2130706433", "integer spelling (the URL parser normalises these, DNS never returns them)"],
  ])("refuses %s (%s)", (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each([
    ["93.184.216.34"],
    ["8.8.8.8"],
    ["1.1.1.1"],
    ["172.32.0.1"],
    ["100.128.0.1"],
    ["2606:4700::1"],
    ["2a00:1450:4001:80e::200e"],
    ["::ffff:93.184.216.34"],
    ["64:ff9b::5db8:d822"],
    ["2002:5db8:d822::1"],
  ])("accepts public %s", (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });
});
