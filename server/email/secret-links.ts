import type { OutboxCategory } from "@/db/schema";
import type { EmailConfig } from "../config/email-config";

/** Emails whose link signs someone in or lets them join an organization. */
const secretLinkCategories: ReadonlySet<OutboxCategory> = new Set(["sign_in", "invitation"]);

export function carriesSecretLink(category: OutboxCategory): boolean {
  return secretLinkCategories.has(category);
}

/**
 * What the outbox's copy of a sign-in or invitation email says instead of its link, or undefined
 * when the copy keeps the link: only the local mailbox needs it, because there the copy is the delivery.
 */
export function removedLinkNote(email: EmailConfig): string | undefined {
  switch (email.kind) {
    case "outbox":
      return undefined;
    case "resend":
      return "[link removed: it was delivered by email]";
    case "none":
      return "[link removed: no email service is connected, so it was not delivered]";
  }
}

/** The text with every web address replaced by `note`. */
export function replaceLinks(text: string, note: string): string {
  return text.replace(/\bhttps?:\/\/[^\s<>"']+/gi, note);
}
