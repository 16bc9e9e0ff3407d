import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeys, organizations } from "@/db/schema";
import { hashToken } from "../crypto/tokens";
import { looksLikeApiKey } from "./api-key-format";

type AuthenticatedKey = { keyId: string; organization: { id: string; name: string } };

/**
 * Valid keys are remembered for a few seconds, which takes a query off every ingest request.
 * Revoking through the app forgets the key at once; a key revoked by another process (or
 * straight in the database) stops working here within CACHE_MS.
 */
const CACHE_MS = 5_000;
const recentlyValid = new Map<string, { key: AuthenticatedKey; until: number }>();
const lastUsedWrites = new Map<string, number>();

export function forgetApiKey(keyId: string) {
  for (const [hash, entry] of recentlyValid) if (entry.key.keyId === keyId) recentlyValid.delete(hash);
}

/** The organization a Bearer key belongs to, or null for a missing, unknown or revoked key. */
export async function authenticateApiKey(db: Database, authorization: string | null): Promise<AuthenticatedKey | null> {
  const key = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!key || !looksLikeApiKey(key)) return null;
  const hash = hashToken(key);
  const now = Date.now();
  const cached = recentlyValid.get(hash);
  if (cached && cached.until > now) return cached.key;

  const [row] = await db
    .select({ keyId: apiKeys.id, organization: { id: organizations.id, name: organizations.name } })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.organizationId))
    .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) {
    recentlyValid.delete(hash);
    return null;
  }
  if (recentlyValid.size >= 10_000) recentlyValid.clear();
  recentlyValid.set(hash, { key: row, until: now + CACHE_MS });
  // "Last used" to the minute is plenty, and keeps a write off the hot path.
  if ((lastUsedWrites.get(row.keyId) ?? 0) < now - 60_000) {
    lastUsedWrites.set(row.keyId, now);
    await db
      .update(apiKeys)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiKeys.id, row.keyId));
  }
  return row;
}
