import { createTRPCRouter } from "../../init";
import { orgProcedure } from "../../procedures";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-key.handlers";
import { createApiKeySchema, revokeApiKeySchema } from "./create.schema";

export const apiKeyRouter = createTRPCRouter({
  list: orgProcedure("admin").query(listApiKeys),
  create: orgProcedure("admin").input(createApiKeySchema).mutation(createApiKey),
  revoke: orgProcedure("admin").input(revokeApiKeySchema).mutation(revokeApiKey),
});
