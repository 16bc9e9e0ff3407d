import { eq } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { decryptSecret, encryptSecret } from "@/server/crypto/secret-box";
import { newWebhookSecret } from "@/server/crypto/tokens";
import { createTRPCRouter } from "../../init";
import { orgProcedure } from "../../procedures";

/** The Standard Webhooks signing secret receivers use to verify Switchboard's webhooks; admins only. */
export const webhookSecretRouter = createTRPCRouter({
  get: orgProcedure("admin").query(({ ctx }) => ({
    secret: ctx.org.webhookSecretEncrypted ? decryptSecret(ctx.org.webhookSecretEncrypted, ctx.config.encryptionKey) : null,
  })),
  rotate: orgProcedure("admin").mutation(async ({ ctx }) => {
    const secret = newWebhookSecret();
    await ctx.db
      .update(organizations)
      .set({ webhookSecretEncrypted: encryptSecret(secret, ctx.config.encryptionKey) })
      .where(eq(organizations.id, ctx.org.id));
    return { secret };
  }),
});
