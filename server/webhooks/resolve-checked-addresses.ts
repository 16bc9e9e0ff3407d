import dns from "node:dns";
import net from "node:net";
import { isPublicAddress } from "./address-policy";

export type ResolvedAddress = { address: string; family: 4 | 6 };

/** Resolves a host name to every address it has; injectable so tests can play a hostile DNS. */
export type ResolveHost = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export const resolveWithSystemDns: ResolveHost = (hostname) => dns.promises.lookup(hostname, { all: true });

export type CheckedAddresses = { ok: true; addresses: ResolvedAddress[] } | { ok: false; kind: "blocked" | "dns"; reason: string };

export const PRIVATE_ADDRESS_REASON = "Address is private and not allowed";
export const UNKNOWN_HOST_REASON = "This host name does not exist";

/**
 * The single place where a webhook host becomes addresses: every address must pass the policy,
 * because a connection may be made to any of them. Both the save-time check and the connection's
 * own DNS lookup go through here, so what was checked is what gets dialled.
 */
export async function resolveCheckedAddresses(
  hostname: string,
  options: { allowPrivate: boolean; resolve?: ResolveHost },
): Promise<CheckedAddresses> {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  const literalFamily = net.isIP(bare);
  let addresses: ResolvedAddress[];
  if (literalFamily === 4 || literalFamily === 6) {
    addresses = [{ address: bare, family: literalFamily }];
  } else {
    try {
      const found = await (options.resolve ?? resolveWithSystemDns)(bare);
      addresses = found.map(({ address }) => ({ address, family: net.isIPv6(address) ? 6 : 4 }));
    } catch (error) {
      return { ok: false, kind: "dns", reason: describeLookupFailure(error) };
    }
    if (addresses.length === 0) return { ok: false, kind: "dns", reason: UNKNOWN_HOST_REASON };
  }

  if (!options.allowPrivate && !addresses.every(({ address }) => isPublicAddress(address))) {
    return { ok: false, kind: "blocked", reason: PRIVATE_ADDRESS_REASON };
  }
  return { ok: true, addresses };
}

function describeLookupFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOTFOUND" || code === "ENODATA" || code === "EAI_NONAME") return UNKNOWN_HOST_REASON;
  return "The host name could not be looked up right now";
}
