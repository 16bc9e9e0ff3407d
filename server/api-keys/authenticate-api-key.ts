import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeys, organizations } from "@/db/schema";
import { hashToken } from "../crypto/tokens";
import { looksLikeApiKey } from "./api-key-format";

const lastUsedWrites = new Map<string, number>();

/** The organization a Bearer key belongs to, or null for a missing, unknown or revoked key. */
export async function authenticateApiKey(db: Database, authorization: string | null) {
  const key = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!key || !looksLikeApiKey(key)) return null;
  const [row] = await db
    .select({ keyId: apiKeys.id, organization: { id: organizations.id, name: organizations.name } })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.organizationId))
    .where(and(eq(apiKeys.hash, hashToken(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  // "Last used" to the minute is plenty, and keeps a write off the hot path.
  const now = Date.now();
  if ((lastUsedWrites.get(row.keyId) ?? 0) < now - 60_000) {
    lastUsedWrites.set(row.keyId, now);
    await db.update(apiKeys).set({ lastUsedAt: new Date(now) }).where(eq(apiKeys.id, row.keyId));
  }
  return row;
}
