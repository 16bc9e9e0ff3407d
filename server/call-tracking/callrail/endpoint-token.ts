import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { ingestEndpoints, organizations } from "@/db/schema";
import { hashToken } from "@/server/crypto/tokens";

const PREFIX = "crw_";

/** A new secret for the CallRail webhook URL: shown once; only its hash and first characters are stored. */
export function generateCallRailToken() {
  const token = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  return { token, prefix: token.slice(0, PREFIX.length + 6), hash: hashToken(token) };
}

/** The organization a CallRail webhook token belongs to, or null (unknown, malformed or rotated away). */
export async function findCallRailEndpoint(db: Queryable, token: string) {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const [row] = await db
    .select({ endpointId: ingestEndpoints.id, organization: { id: organizations.id, name: organizations.name } })
    .from(ingestEndpoints)
    .innerJoin(organizations, eq(organizations.id, ingestEndpoints.organizationId))
    .where(and(eq(ingestEndpoints.tokenHash, hashToken(token)), eq(ingestEndpoints.kind, "callrail")))
    .limit(1);
  return row ?? null;
}
