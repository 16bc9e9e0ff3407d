import { eq } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";
import { newWebhookSecret } from "../crypto/tokens";
import type { OrgScope } from "../organizations/org-scope";

/** The Standard Webhooks signing secret receivers use to verify Switchboard's webhooks (stored encrypted). */
export function readSigningSecret(scope: OrgScope) {
  return { secret: scope.org.webhookSecretEncrypted ? decryptSecret(scope.org.webhookSecretEncrypted, scope.config.encryptionKey) : null };
}

/** A new secret; deliveries are signed with it from now on. */
export async function rotateSigningSecret(scope: OrgScope) {
  const secret = newWebhookSecret();
  await scope.db
    .update(organizations)
    .set({ webhookSecretEncrypted: encryptSecret(secret, scope.config.encryptionKey) })
    .where(eq(organizations.id, scope.org.id));
  return { secret };
}
