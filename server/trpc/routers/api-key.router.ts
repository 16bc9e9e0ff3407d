import { createApiKey, listApiKeys, revokeApiKey } from "@/server/api-keys/manage-api-keys";
import { createTRPCRouter } from "../init";
import { orgProcedure } from "../procedures";
import { createApiKeySchema, revokeApiKeySchema } from "./api-key.schemas";

export const apiKeyRouter = createTRPCRouter({
  list: orgProcedure("admin").query(({ ctx }) => listApiKeys(ctx)),
  create: orgProcedure("admin")
    .input(createApiKeySchema)
    .mutation(({ ctx, input }) => createApiKey(ctx, input.name)),
  revoke: orgProcedure("admin")
    .input(revokeApiKeySchema)
    .mutation(({ ctx, input }) => revokeApiKey(ctx, input.apiKeyId)),
});
