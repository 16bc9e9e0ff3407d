import { TRPCError } from "@trpc/server";
import { and, desc, eq, isNull } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import type { OrgScope } from "../organizations/org-scope";
import { generateApiKey } from "./api-key-format";
import { forgetApiKey } from "./authenticate-api-key";

export async function listApiKeys(scope: OrgScope) {
  return scope.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.organizationId, scope.org.id))
    .orderBy(desc(apiKeys.createdAt));
}

/** The full key is returned once, here, and never again: only its hash is stored. */
export async function createApiKey(scope: OrgScope, name: string) {
  const { key, prefix, hash } = generateApiKey();
  const [row] = await scope.db
    .insert(apiKeys)
    .values({ organizationId: scope.org.id, createdByUserId: scope.user.id, name, prefix, hash })
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
  return { ...row!, key };
}

/** Revoked at once on this server; other app servers forget the key within 5 s (their cache). */
export async function revokeApiKey(scope: OrgScope, apiKeyId: string) {
  const revoked = await scope.db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, apiKeyId), eq(apiKeys.organizationId, scope.org.id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (revoked.length === 0) throw new TRPCError({ code: "NOT_FOUND", message: "That API key was not found." });
  forgetApiKey(apiKeyId);
  return { revoked: apiKeyId };
}
