import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { getAppConfig } from "../config/app-config";

/** The address this browser last asked a sign-in link for: the only mail its local mailbox shows. */
const MAILBOX_RECIPIENT_COOKIE = "sb_mailbox_to";
const ONE_DAY_SECONDS = 24 * 60 * 60;

/** Lower-case and trimmed (as Auth.js records the address), or undefined when it cannot be an address. */
export function normalizeMailboxAddress(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const address = value.normalize("NFKC").trim().toLowerCase();
  return address.includes("@") && address.length <= 320 ? address : undefined;
}

function signature(address: string, secret: string) {
  return createHmac("sha256", secret).update(`mailbox:${address}`).digest("base64url");
}

/** The cookie's value: the address and its HMAC, so only the sign-in form (not a hand-made cookie) can choose it. */
export function sealMailboxAddress(address: string, secret: string) {
  return `${signature(address, secret)}.${address}`;
}

export function openMailboxAddress(value: string | undefined, secret: string): string | undefined {
  const separator = value?.indexOf(".") ?? -1;
  if (!value || separator < 0) return undefined;
  const address = normalizeMailboxAddress(value.slice(separator + 1));
  if (!address) return undefined;
  const expected = Buffer.from(signature(address, secret));
  const given = Buffer.from(value.slice(0, separator));
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : undefined;
}

export async function rememberMailboxRecipient(address: string, options: { secure: boolean }) {
  (await cookies()).set(MAILBOX_RECIPIENT_COOKIE, sealMailboxAddress(address, getAppConfig().authSecret), {
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    path: "/mailbox",
    maxAge: ONE_DAY_SECONDS,
  });
}

export async function mailboxRecipient(): Promise<string | undefined> {
  return openMailboxAddress((await cookies()).get(MAILBOX_RECIPIENT_COOKIE)?.value, getAppConfig().authSecret);
}
