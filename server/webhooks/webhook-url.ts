import { resolveCheckedAddresses, type ResolveHost } from "./resolve-checked-addresses";

export type WebhookUrlCheck = { ok: true } | { ok: false; reason: string };
export type ParsedWebhookUrl = { ok: true; url: URL; hostname: string } | { ok: false; reason: string };

export const SCHEME_REASON = "Only http and https URLs can be used";

/**
 * The shape rules for a webhook URL. The WHATWG parser turns every spelling of an IPv4 address
 * ("2130706433", "0x7f.1", "0177.0.0.1") into dotted decimal, so the address policy sees the real one.
 */
export function parseWebhookUrl(raw: string): ParsedWebhookUrl {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "This is not a valid URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, reason: SCHEME_REASON };
  if (url.username || url.password) return { ok: false, reason: "Remove the user name and password from the URL" };
  const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  if (!hostname) return { ok: false, reason: "The URL needs a host name" };
  return { ok: true, url, hostname };
}

/** Save-time check: the URL is well formed and every address its host has right now is allowed. */
export async function checkWebhookUrl(raw: string, options: { allowPrivate: boolean; lookup?: ResolveHost }): Promise<WebhookUrlCheck> {
  const parsed = parseWebhookUrl(raw);
  if (!parsed.ok) return parsed;
  const checked = await resolveCheckedAddresses(parsed.hostname, { allowPrivate: options.allowPrivate, resolve: options.lookup });
  return checked.ok ? { ok: true } : { ok: false, reason: checked.reason };
}
