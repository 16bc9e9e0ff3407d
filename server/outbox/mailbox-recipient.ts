import "server-only";
import { cookies } from "next/headers";

/** The address this browser last asked a sign-in link for: the only mail its local mailbox shows. */
const MAILBOX_RECIPIENT_COOKIE = "sb_mailbox_to";
const ONE_DAY_SECONDS = 24 * 60 * 60;

/** Lower-case and trimmed (as Auth.js records the address), or undefined when it cannot be an address. */
export function normalizeMailboxAddress(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const address = value.normalize("NFKC").trim().toLowerCase();
  return address.includes("@") && address.length <= 320 ? address : undefined;
}

export async function rememberMailboxRecipient(address: string, options: { secure: boolean }) {
  (await cookies()).set(MAILBOX_RECIPIENT_COOKIE, address, {
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    path: "/mailbox",
    maxAge: ONE_DAY_SECONDS,
  });
}

export async function mailboxRecipient(): Promise<string | undefined> {
  return normalizeMailboxAddress((await cookies()).get(MAILBOX_RECIPIENT_COOKIE)?.value);
}
