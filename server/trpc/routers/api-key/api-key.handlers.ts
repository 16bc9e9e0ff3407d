import { TRPCError } from "@trpc/server";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { apiKeys } from "@/db/schema";
import { generateApiKey } from "@/server/api-keys/api-key-format";
import { forgetApiKey } from "@/server/api-keys/authenticate-api-key";
import type { OrgProcedureContext } from "../../procedures";
import type { createApiKeySchema, revokeApiKeySchema } from "./create.schema";

export async function listApiKeys({ ctx }: { ctx: OrgProcedureContext }) {
  return ctx.db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.organizationId, ctx.org.id))
    .orderBy(desc(apiKeys.createdAt));
}

/** The full key is returned once, here, and never again. */
export async function createApiKey({ ctx, input }: { ctx: OrgProcedureContext; input: z.infer<typeof createApiKeySchema> }) {
  const { key, prefix, hash } = generateApiKey();
  const [row] = await ctx.db
    .insert(apiKeys)
    .values({ organizationId: ctx.org.id, createdByUserId: ctx.user.id, name: input.name, prefix, hash })
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
  return { ...row!, key };
}

export async function revokeApiKey({ ctx, input }: { ctx: OrgProcedureContext; input: z.infer<typeof revokeApiKeySchema> }) {
  const revoked = await ctx.db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, input.apiKeyId), eq(apiKeys.organizationId, ctx.org.id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (revoked.length === 0) throw new TRPCError({ code: "NOT_FOUND", message: "That API key was not found." });
  forgetApiKey(input.apiKeyId);
  return { revoked: input.apiKeyId };
}
