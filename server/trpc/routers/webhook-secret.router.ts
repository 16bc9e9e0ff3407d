import { readSigningSecret, rotateSigningSecret } from "@/server/webhooks/signing-secret";
import { createTRPCRouter } from "../init";
import { orgProcedure } from "../procedures";

/** The webhook signing secret: admins only. */
export const webhookSecretRouter = createTRPCRouter({
  get: orgProcedure("admin").query(({ ctx }) => readSigningSecret(ctx)),
  rotate: orgProcedure("admin").mutation(({ ctx }) => rotateSigningSecret(ctx)),
});
