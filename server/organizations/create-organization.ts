import type { Queryable } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { newId } from "@/db/ids";
import { encryptSecret } from "../crypto/secret-box";
import { newWebhookSecret } from "../crypto/tokens";

function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "org";
}

/**
 * Creates a workspace with its owner; the slug gets a random suffix so it never collides. It
 * counts as set up unless `awaitingSetup`: then the app asks its owner for the business name and
 * time zone before anything else (see onboarding.ts).
 */
export async function createOrganization(
  db: Queryable,
  input: { name: string; ownerUserId: string; timezone?: string; awaitingSetup?: boolean },
  encryptionKey: Buffer,
) {
  const id = newId("org");
  const [organization] = await db
    .insert(organizations)
    .values({
      id,
      name: input.name,
      slug: `${slugify(input.name)}-${id.slice(-6)}`,
      timezone: input.timezone ?? "UTC",
      onboardedAt: input.awaitingSetup ? null : new Date(),
      webhookSecretEncrypted: encryptSecret(newWebhookSecret(), encryptionKey),
    })
    .returning();
  await db.insert(memberships).values({ organizationId: id, userId: input.ownerUserId, role: "owner" });
  return organization!;
}

/**
 * The workspace everyone gets at sign-up (and after leaving every other one). Its name is only a
 * placeholder — "maria's workspace" must never reach a caller — so it awaits setup.
 */
export function createPersonalOrganization(
  db: Queryable,
  user: { id: string; name?: string | null; email?: string | null },
  encryptionKey: Buffer,
) {
  return createOrganization(db, { name: personalOrganizationName(user), ownerUserId: user.id, awaitingSetup: true }, encryptionKey);
}

export function personalOrganizationName(user: { name?: string | null; email?: string | null }): string {
  const who = user.name?.trim() || user.email?.split("@")[0] || "My";
  return `${who}'s workspace`;
}
