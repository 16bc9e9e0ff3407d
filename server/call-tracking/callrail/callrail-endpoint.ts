import { and, eq } from "drizzle-orm";
import { ingestEndpoints } from "@/db/schema";
import type { OrgScope } from "@/server/organizations/org-scope";
import { callRailEndpointUrl } from "../webhook-urls";
import { callRailEventParams } from "./callrail-kinds";
import { generateCallRailToken } from "./endpoint-token";

/** One address per CallRail webhook type: the same secret URL, with `?event=` naming what CallRail sends. */
function perWebhookUrls(url: string) {
  return callRailEventParams.map(({ event, label }) => ({ event, label, url: `${url}?event=${event}` }));
}

/**
 * The organization's secret CallRail webhook URL. The token is stored hashed, so the full URL is
 * shown once — when it is created or rotated; afterwards only its start.
 */
export async function describeCallRailEndpoint(scope: OrgScope) {
  const [row] = await scope.db
    .select()
    .from(ingestEndpoints)
    .where(and(eq(ingestEndpoints.organizationId, scope.org.id), eq(ingestEndpoints.kind, "callrail")))
    .limit(1);
  if (!row) return { configured: false as const, urlPreview: null, createdAt: null, lastUsedAt: null };
  return {
    configured: true as const,
    urlPreview: `${callRailEndpointUrl(scope.config.appUrl, row.tokenPrefix)}…`,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  };
}

/** Creates the URL, or replaces it: the old URL stops working at once. */
export async function rotateCallRailEndpoint(scope: OrgScope) {
  const { token, prefix, hash } = generateCallRailToken();
  const now = new Date();
  await scope.db
    .insert(ingestEndpoints)
    .values({ organizationId: scope.org.id, kind: "callrail", tokenHash: hash, tokenPrefix: prefix, createdAt: now })
    .onConflictDoUpdate({
      target: [ingestEndpoints.organizationId, ingestEndpoints.kind],
      set: { tokenHash: hash, tokenPrefix: prefix, createdAt: now, lastUsedAt: null },
    });
  const url = callRailEndpointUrl(scope.config.appUrl, token);
  return { token, url, webhookUrls: perWebhookUrls(url) };
}
